import { parse, serialize } from 'cookie';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'stockroom_session';

export function readSessionCookie(req: Request): string | undefined {
  const header = req.get('cookie');
  return header ? parse(header)[SESSION_COOKIE] : undefined;
}

/** HttpOnly, SameSite=Lax, Path=/; Secure when the client reached nginx over https. */
export function setSessionCookie(req: Request, res: Response, value: string, expires: Date): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, value, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: req.secure,
      expires,
    }),
  );
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, '', {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: req.secure,
      expires: new Date(0),
    }),
  );
}
