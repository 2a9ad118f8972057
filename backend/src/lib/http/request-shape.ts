import express, { type Request, type RequestHandler } from 'express';
import { AppError } from '../errors';
import { jsonShapeViolation, type JsonShapeLimits } from './json-shape';

/** What a request may look like before anything parses it; declared in config.ts. */
export interface RequestLimits extends JsonShapeLimits {
  /** Bytes of JSON body, as body-parser reads them (`'100kb'`). */
  jsonBodyLimit: string;
  /** Characters after the `?`, still percent-encoded. */
  maxQueryLength: number;
  /** `&`-separated parameters in the query string. */
  maxQueryParams: number;
}

const WHY = {
  depth: (n: number) => `is nested deeper than ${n} levels`,
  values: (n: number) => `holds more than ${n} values (array elements and object members)`,
  string: (n: number) => `holds a string or key longer than ${n} characters`,
};

/**
 * Throws before JSON.parse when the raw body breaks a shape limit. body-parser calls it with
 * the bytes it read; an error thrown here keeps its status and reaches the error handler as
 * the AppError it is.
 */
function verifyShape(limits: JsonShapeLimits) {
  return (_req: unknown, _res: unknown, buf: Buffer, encoding: string): void => {
    // RFC 8259: JSON between systems is UTF-8. Anything else would have to be measured in
    // its own encoding; refusing it keeps one scanner for one encoding.
    if (encoding.toLowerCase() !== 'utf-8')
      throw new AppError('UNSUPPORTED_CHARSET', 415, 'Send the JSON body as UTF-8.');
    const found = jsonShapeViolation(buf.toString('utf8'), limits);
    if (!found) return;
    const code = found.kind === 'depth' ? 'JSON_TOO_DEEP' : 'JSON_TOO_LARGE';
    throw new AppError(
      code,
      found.kind === 'depth' ? 400 : 413,
      `The request body ${WHY[found.kind](found.limit)}.`,
      { limit: found.limit },
    );
  };
}

/** The JSON body parser: size-limited, and shape-checked before it parses anything. */
export function jsonBodyParser(limits: RequestLimits): RequestHandler {
  return express.json({ limit: limits.jsonBodyLimit, strict: true, verify: verifyShape(limits) });
}

/**
 * 414 when the query string is longer than the limit, 400 when it has too many parameters;
 * on the raw URL, so nothing has parsed it yet.
 */
export function checkQueryShape(req: Request, limits: RequestLimits): void {
  const url = req.originalUrl;
  const start = url.indexOf('?');
  if (start < 0) return;
  const length = url.length - start - 1;
  if (length > limits.maxQueryLength)
    throw new AppError(
      'QUERY_TOO_LONG',
      414,
      `The query string is longer than ${limits.maxQueryLength} characters.`,
      { limit: limits.maxQueryLength },
    );
  let params = 1;
  for (let i = start + 1; i < url.length; i++) if (url.charCodeAt(i) === 0x26) params++;
  if (params > limits.maxQueryParams)
    throw new AppError(
      'TOO_MANY_QUERY_PARAMETERS',
      400,
      `The query string has more than ${limits.maxQueryParams} parameters.`,
      { limit: limits.maxQueryParams },
    );
}

/**
 * Runs per route after the access check (mount-routes.ts): the query's shape, then the JSON
 * body, read and parsed only when both are within the limits.
 */
export function parseRequest(limits: RequestLimits): RequestHandler {
  const parseJson = jsonBodyParser(limits);
  return (req, res, next) => {
    checkQueryShape(req, limits);
    parseJson(req, res, next);
  };
}
