import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Entry, ZipFile } from 'yauzl';
import { serviceUnavailable } from '../../lib/errors';
import { unreadableFile } from './imports.errors';

// An XLSX is a ZIP whose parts may come in any order (decision 0032): the upload is spooled
// once to a temp file and opened by its central directory, so the workbook can be read
// before the sheet it names, whatever order the writer stored them in.

/** A real workbook has tens to hundreds of parts; past this the directory alone is a burden. */
const MAX_ENTRIES = 10_000;

export interface Spooled {
  file: string;
  remove(): Promise<void>;
}

/**
 * Writes the upload to a temp file of its own. Whatever happens (a 413 while streaming, an
 * aborted upload, a write error) the file is gone when this throws; otherwise the caller
 * removes it. Named after the process, so a process's leftovers can be told apart.
 */
export async function spool(chunks: AsyncIterable<Buffer>): Promise<Spooled> {
  const dir = await mkdtemp(path.join(tmpdir(), `stockroom-xlsx-${process.pid}-`));
  const remove = () => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, 'upload.xlsx');
  try {
    await pipeline(chunks, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await remove();
    // The temp dir is a small tmpfs in the container: full means busy, not a bad file.
    if ((error as { code?: string }).code === 'ENOSPC')
      throw serviceUnavailable('There is no room to hold the upload now: try again shortly.');
    throw error;
  }
  return { file, remove };
}

export interface Zip {
  /** The entry of a part (OPC part names are case-insensitive), if the ZIP has it. */
  entry(name: string): Entry | undefined;
  /** The part's bytes, decompressed as they are read (CRC and size checked by yauzl). */
  open(entry: Entry): Promise<Readable>;
  close(): void;
}

const unreadable = (error: unknown) =>
  unreadableFile(`The XLSX file cannot be read: ${(error as Error).message}`);

/** Opens a ZIP by its central directory and lists its entries (nothing is decompressed). */
export async function openZip(file: string): Promise<Zip> {
  const yauzl = await import('yauzl');
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw unreadable(error);
  }
  const entries = new Map<string, Entry>();
  try {
    if (zip.entryCount > MAX_ENTRIES)
      throw new Error(`it holds ${zip.entryCount} parts (a workbook has far fewer)`);
    for await (const entry of zip.eachEntry())
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName.toLowerCase(), entry);
  } catch (error) {
    zip.close();
    throw unreadable(error);
  }
  return {
    entry: (name) => entries.get(name.toLowerCase()),
    open: async (entry) => {
      try {
        return await zip.openReadStreamPromise(entry);
      } catch (error) {
        throw unreadable(error);
      }
    },
    close: () => zip.close(),
  };
}
