import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's headers, worked out once at start and then set as they are on every response.
 * With these options every header helmet sends is the same for every request, but helmet runs
 * as eleven middlewares that each rebuild (or look up) their value and call the next one; this
 * is one loop (issue 12, the API's fixed cost per request). The headers are helmet's own:
 * they come from running helmet once against a recording response, so an upgrade of helmet
 * or a change of options changes them here too. Throws if helmet ever needs the request
 * (it would no longer be static).
 */
export function securityHeaders(options: Readonly<HelmetOptions>): RequestHandler {
  const set: [string, string | number | readonly string[]][] = [];
  const removed: string[] = [];
  const recording = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.push([name, value]);
      return this;
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  } as unknown as ServerResponse;
  const noRequest = new Proxy({} as IncomingMessage, {
    get(_target, key) {
      throw new Error(`helmet read req.${String(key)}: its headers are no longer static`);
    },
  });
  let nextCalled = false;
  helmet(options)(noRequest, recording, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error('helmet failed to start');
    nextCalled = true;
  });
  if (!nextCalled) throw new Error('helmet did not finish synchronously');
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}
