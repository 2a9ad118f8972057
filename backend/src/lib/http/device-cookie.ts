import { parse, serialize } from 'cookie';
import type { Request, Response } from 'express';

// The OWASP "device cookie": proof that this browser signed in to an account before, so
// sign-in throttling of unknown clients never locks the owner out (docs/decisions/0010).
export const DEVICE_COOKIE = 'stockroom_device';
// Where sign-in lives (API_V1_PREFIX + /auth; not imported: api-v1.ts imports the routes).
const DEVICE_COOKIE_PATH = '/api/v1/auth';

export function readDeviceCookie(req: Request): string | null {
  const header = req.get('cookie');
  return (header ? parse(header)[DEVICE_COOKIE] : undefined) ?? null;
}

/** Sent only to the sign-in routes; HttpOnly; Secure when the client reached us over https. */
export function setDeviceCookie(req: Request, res: Response, value: string, expires: Date): void {
  res.append(
    'Set-Cookie',
    serialize(DEVICE_COOKIE, value, {
      httpOnly: true,
      sameSite: 'strict',
      path: DEVICE_COOKIE_PATH,
      secure: req.secure,
      expires,
    }),
  );
}
