import type { RequestHandler } from 'express';
import type { Lifecycle } from '../lib/lifecycle';

/** While draining, ask keep-alive clients to reconnect elsewhere after this response. */
export function closeConnectionsWhenDraining(lifecycle: Lifecycle): RequestHandler {
  return (_req, res, next) => {
    if (lifecycle.draining) res.setHeader('Connection', 'close');
    next();
  };
}
