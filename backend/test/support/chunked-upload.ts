import type { Express } from 'express';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChunkedUpload {
  /** Request path with its query, e.g. `/api/v1/imports?fileName=big.csv`. */
  path: string;
  headers: Record<string, string>;
  /** Written in order, waiting for `drain` when the socket's buffer is full. */
  chunks: Iterable<Buffer | string>;
  /** When given, the connection is cut once it resolves (after the chunks) instead of ended. */
  abortAfter?: Promise<unknown>;
}

/**
 * POSTs a body without a Content-Length (chunked transfer encoding), which supertest cannot
 * do: the upload limits must hold for a stream whose size is unknown up front. Resolves with
 * the response's status, or 0 when the upload was cut off by `abortAfter`.
 */
export async function chunkedUpload(app: Express, upload: ChunkedUpload): Promise<number> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  const aborting = upload.abortAfter !== undefined;
  try {
    return await new Promise<number>((resolve, reject) => {
      const req = request(
        { port, host: '127.0.0.1', method: 'POST', path: upload.path, headers: upload.headers },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', (e) => (aborting ? resolve(0) : reject(e)));
      const chunks = upload.chunks[Symbol.iterator]();
      const more = (): void => {
        for (let next = chunks.next(); !next.done; next = chunks.next()) {
          if (!req.write(next.value)) return void req.once('drain', more);
        }
        if (!upload.abortAfter) return void req.end();
        upload.abortAfter.then(() => req.destroy(), reject);
      };
      more();
    });
  } finally {
    server.close();
  }
}
