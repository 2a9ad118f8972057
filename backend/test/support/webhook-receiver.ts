// A real HTTP receiver on 127.0.0.1 for webhook tests: records every request and answers
// what the test tells it to.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Decides the status of each request (default 200). */
  respond: (r: Received, index: number) => number;
  /** How long each answer takes (default 0). */
  delayMs: number;
  waitFor(predicate: (all: Received[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const receiver = { received, respond: () => 200, delayMs: 0 } as unknown as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void answer());
    const answer = async () => {
      const r = {
        at: Date.now(),
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      received.push(r);
      const status = receiver.respond(r, received.length - 1);
      if (receiver.delayMs > 0) await new Promise((done) => setTimeout(done, receiver.delayMs));
      if (res.destroyed) return;
      if (status >= 300 && status < 400) res.setHeader('location', 'http://127.0.0.1:1/internal');
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'nope');
    };
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${port}`;
  receiver.waitFor = async (predicate, timeoutMs = 15_000) => {
    const until = Date.now() + timeoutMs;
    while (!predicate(received)) {
      if (Date.now() > until)
        throw new Error(`receiver: condition not met; got ${received.length}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  receiver.close = async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return receiver;
}
