import type { Request } from 'express';
import type { Role, TokenScope } from '../roles';

/** Who is calling: a signed-in user (session) or a script (API token of a user). */
export interface Identity {
  user: { id: number; email: string; name: string; role: Role };
  via: 'session' | 'token';
  /** The role this request acts with: the user's, or the token scope's. */
  role: Role;
  session?: { id: string; expiresAt: string };
  token?: { id: number; name: string; scope: TokenScope };
}

// The one place Express's Request learns about identities.
declare module 'express-serve-static-core' {
  interface Request {
    identity?: Identity;
  }
}

/** Who did it and from where, for services that audit or record an author. */
export interface Actor {
  userId: number | null;
  tokenId: number | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, tokenId: null, ip: null };

/** The actor of a request: its identity (if any) and the client IP as nginx saw it. */
export function actorOf(req: Request): Actor {
  return {
    userId: req.identity?.user.id ?? null,
    tokenId: req.identity?.token?.id ?? null,
    ip: req.ip ?? null,
  };
}
