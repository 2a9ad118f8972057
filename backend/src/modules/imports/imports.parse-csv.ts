import { parse } from 'csv-parse';
import { unreadableFile } from './imports.errors';

export interface StagedRow {
  /** 1-based line (CSV: where the record starts) or row number (XLSX). */
  line: number;
  cells: string[];
}

const CANDIDATES = [',', ';', '\t'] as const;

/**
 * The delimiter of the header line: the candidate found most often outside quotes in the
 * first line (a BOM and quoted text are skipped). None found: a comma (one column, which the
 * caller reports as a probable wrong delimiter).
 */
export function detectDelimiter(head: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of head.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

/** How a CSV file's bytes are text: UTF-8, or UTF-16 when it starts with that byte order mark. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * UTF-16 by its byte order mark (FF FE little-endian, FE FF big-endian): what Excel writes as
 * “Unicode Text”, tab-separated. Anything else is read as UTF-8.
 */
export function encodingOf(head: Buffer): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

const SAVE_AS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
};

/** The text, or a 422 naming where it stops being text in its encoding (a BOM is dropped). */
async function* decoded(
  chunks: AsyncIterable<Buffer>,
  encoding: TextEncoding,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let offset = 0;
  try {
    for await (const chunk of chunks) {
      yield decoder.decode(chunk, { stream: true });
      offset += chunk.length;
    }
    yield decoder.decode();
  } catch (error) {
    // By code: a TypeError from another realm (a test runner's VM) is not `instanceof`.
    if ((error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA')
      throw unreadableFile(
        `The file is not ${SAVE_AS[encoding]} text (near byte ${offset}): save it as “CSV UTF-8” and upload it again.`,
      );
    throw error;
  }
}

const LINE_BREAKS = /\r\n|\r|\n/g;

/**
 * Records of a CSV file with their starting line, every record as it is (a count of columns
 * that differs from the header is reported per row later). Quoted fields may hold newlines.
 */
export async function* csvRows(
  chunks: AsyncIterable<Buffer>,
  delimiter: string,
  encoding: TextEncoding = 'utf-8',
): AsyncGenerator<StagedRow> {
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    // The raw text of each record: its line breaks (quoted ones too) give the next line.
    raw: true,
  });
  const feed = (async () => {
    try {
      for await (const text of decoded(chunks, encoding)) {
        if (!parser.write(text)) await new Promise((r) => parser.once('drain', r));
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  let nextLine = 1;
  try {
    for await (const out of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const line = nextLine;
      nextLine += out.raw.match(LINE_BREAKS)?.length ?? 0;
      yield { line, cells: out.record };
    }
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    if (e.code?.startsWith('CSV_'))
      throw unreadableFile(
        `The CSV file cannot be read at line ${e.lines ?? nextLine}: ${e.message}`,
        {
          line: e.lines ?? nextLine,
        },
      );
    throw error;
  } finally {
    await feed;
  }
}
