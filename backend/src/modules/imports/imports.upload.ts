import { createHash, type Hash } from 'node:crypto';
import type { Request } from 'express';
import type { Knex } from 'knex';
import {
  emptyFile,
  fileTooLarge,
  notCsvOrXlsx,
  unreadableFile,
  unsupportedUploadType,
} from './imports.errors';
import { csvRows, detectDelimiter, encodingOf, type StagedRow } from './imports.parse-csv';
import { xlsxRows, type XlsxResult } from './imports.parse-xlsx';
import { copyRows } from './imports.stage';
import { spool } from './imports.zip';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Spreadsheet programs and browsers label CSV files in several ways.
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];
const SNIFFED = ['application/octet-stream', ''];

/** The body, counted and hashed as it streams; past `max` bytes a 413 stops the read. */
async function* metered(req: Request, max: number, hash: Hash): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > max) {
      req.unpipe();
      req.resume();
      throw fileTooLarge(max);
    }
    hash.update(chunk);
    yield chunk;
  }
}

async function* prepend(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

export interface Found {
  format: 'csv' | 'xlsx';
  hash: string;
  sheets: string[];
  sheet: string | null;
  delimiter: string | null;
  headers: string[];
  rowCount: number;
  emptyLines: number;
}

const isEmpty = (cells: string[]) => cells.every((c) => c.trim() === '');

/** The first non-empty record is the header; the rest go to staging, empty lines counted. */
async function* dataRows(
  rows: AsyncIterable<StagedRow>,
  found: { headers: string[] | null; emptyLines: number },
): AsyncGenerator<StagedRow> {
  for await (const row of rows) {
    if (isEmpty(row.cells)) {
      if (found.headers) found.emptyLines++;
      continue;
    }
    if (!found.headers) {
      found.headers = row.cells.map((c) => c.trim());
      if (found.headers.length < 2)
        throw unreadableFile(
          'Only one column was found in the header line: separate the columns with a comma, a semicolon or a tab.',
        );
      continue;
    }
    yield row;
  }
}

/**
 * Reads the upload (never all of it in memory), decides its format from its first bytes
 * (a ZIP signature is XLSX; anything else must be text: UTF-16 with its byte order mark, or
 * UTF-8 without NUL bytes) and stages
 * its rows in the caller's transaction.
 */
export async function readUpload(
  trx: Knex.Transaction,
  importId: number,
  req: Request,
  opts: { maxBytes: number; sheet?: string },
): Promise<Found> {
  const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (![XLSX_TYPE, ...CSV_TYPES, ...SNIFFED].includes(type)) throw unsupportedUploadType(type);
  const length = Number(req.get('content-length') ?? 0);
  if (length > opts.maxBytes) throw fileTooLarge(opts.maxBytes);

  const hash = createHash('sha256');
  const body = metered(req, opts.maxBytes, hash)[Symbol.asyncIterator]();
  const first = await body.next();
  if (first.done || first.value.length === 0) throw emptyFile();
  const head = first.value;
  const zip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
  if (type === XLSX_TYPE && !zip) throw notCsvOrXlsx('it was sent as XLSX but is not a ZIP file');
  if (CSV_TYPES.includes(type) && zip)
    throw notCsvOrXlsx('it was sent as CSV but is a ZIP file (an XLSX? send it as XLSX)');
  // UTF-16 text (by its byte order mark) holds NUL bytes in every ASCII character.
  const encoding = encodingOf(head);
  if (!zip && encoding === 'utf-8' && head.subarray(0, 8192).includes(0))
    throw notCsvOrXlsx('it holds binary data (NUL bytes), not text');
  const chunks = prepend(head, body);

  const found = { headers: null as string[] | null, emptyLines: 0 };
  const xlsx: XlsxResult = { sheets: [], sheet: null };
  let delimiter: string | null = null;
  let rowCount: number;
  if (zip) {
    // A ZIP is read by its central directory, at its end: the whole upload first (decision 0032).
    const spooled = await spool(chunks);
    try {
      rowCount = await copyRows(
        trx,
        importId,
        dataRows(xlsxRows(spooled.file, opts.sheet, xlsx), found),
      );
    } finally {
      await spooled.remove();
    }
  } else {
    delimiter = detectDelimiter(new TextDecoder(encoding).decode(head.subarray(0, 65536)));
    rowCount = await copyRows(trx, importId, dataRows(csvRows(chunks, delimiter, encoding), found));
  }
  if (!found.headers)
    throw unreadableFile('The file has no header line: its first line must name the columns.');
  return {
    format: zip ? 'xlsx' : 'csv',
    hash: hash.digest('hex'),
    sheets: xlsx.sheets,
    sheet: xlsx.sheet,
    delimiter,
    headers: found.headers,
    rowCount,
    emptyLines: found.emptyLines,
  };
}
