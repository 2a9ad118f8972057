import type { RequestHandler } from 'express';
import type { Db } from '../lib/db';
import { readSessionCookie } from '../lib/http/session-cookie';
import { identify } from '../modules/auth/auth.service';

/**
 * Finds who is calling (API token or session cookie) and puts it on `req.identity`. Never
 * refuses: each route's `access` rule decides (mount-routes.ts), so public routes stay public.
 */
export function authenticate(db: Db): RequestHandler {
  return async (req, _res, next) => {
    const authorization = req.get('authorization');
    const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    req.identity = await identify(db, {
      bearer: authorization !== undefined ? (bearer ?? '') : undefined,
      sessionCookie: readSessionCookie(req),
    });
    next();
  };
}
