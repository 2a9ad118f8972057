/**
 * Limits on the shape of a JSON request body, checked on the raw text before JSON.parse so
 * that nothing recursive (the parser, validation, error formatting) ever sees a body nested
 * thousands of levels deep, millions of values wide or holding a megabyte-long string.
 */
export interface JsonShapeLimits {
  /** Arrays and objects inside one another; the body itself is level 1. */
  maxDepth: number;
  /** Values in the whole body: the body itself plus every array element and object member. */
  maxValues: number;
  /** Characters (UTF-16 code units, escapes decoded) in one string, key or value. */
  maxStringLength: number;
}

export type JsonShapeViolation =
  | { kind: 'depth'; limit: number }
  | { kind: 'values'; limit: number }
  | { kind: 'string'; limit: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LOWER_U = 0x75;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Whether the container opened at AT closes before anything but whitespace. */
function emptyContainer(text: string, at: number): boolean {
  let i = at + 1;
  while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return c === CLOSE_ARRAY || c === CLOSE_OBJECT;
}

/**
 * The first limit TEXT breaks, or undefined. One pass, constant memory, no recursion; it
 * does not validate the JSON (JSON.parse does that next), so malformed text only has to be
 * measured, never understood: an unterminated string simply runs to the end.
 */
export function jsonShapeViolation(
  text: string,
  limits: JsonShapeLimits,
): JsonShapeViolation | undefined {
  const { maxDepth, maxValues, maxStringLength } = limits;
  let depth = 0;
  // The top-level value counts as one.
  let values = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let length = 0;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === QUOTE) break;
        // `\uXXXX` is one character, any other escape two characters of text for one.
        if (d === BACKSLASH) i += text.charCodeAt(i + 1) === LOWER_U ? 5 : 1;
        if (++length > maxStringLength) return { kind: 'string', limit: maxStringLength };
      }
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > maxDepth) return { kind: 'depth', limit: maxDepth };
      // Its first member, when it has one; every further member follows a comma.
      if (!emptyContainer(text, i) && ++values > maxValues)
        return { kind: 'values', limit: maxValues };
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth -= 1;
    } else if (c === COMMA) {
      if (++values > maxValues) return { kind: 'values', limit: maxValues };
    }
  }
  return undefined;
}
