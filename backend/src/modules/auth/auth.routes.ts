import type { Request } from 'express';
import { defineRoute } from '../../lib/http/define-route';
import { actorOf } from '../../lib/http/identity';
import { readDeviceCookie, setDeviceCookie } from '../../lib/http/device-cookie';
import type { RouteContext } from '../../lib/http/route-context';
import { clearSessionCookie, setSessionCookie } from '../../lib/http/session-cookie';
import {
  changePasswordBody,
  loginBody,
  meSchema,
  setupBody,
  setupStatus,
  userReply,
} from './auth.schemas';
import * as auth from './auth.service';

const tag = 'Auth';

const clientOf = (req: Request): auth.Client => ({
  ip: req.ip ?? null,
  userAgent: req.get('user-agent') ?? null,
  deviceToken: readDeviceCookie(req),
});

export const authRoutes = ({ db }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/auth/setup',
    operationId: 'getSetupStatus',
    tag,
    access: 'public',
    summary: 'Whether Stockroom still needs its first admin',
    response: setupStatus,
    handler: () => auth.setupStatus(db),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/setup',
    operationId: 'createFirstAdmin',
    tag,
    access: 'public',
    summary: 'Create the first admin with the setup token from the API log, and sign in',
    body: setupBody,
    status: 201,
    response: userReply,
    errors: [403, 409, 415],
    handler: async ({ body, req, res }) => {
      const { user, session } = await auth.setup(db, body, clientOf(req));
      setSessionCookie(req, res, session.cookieValue, session.expiresAt);
      return { user };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/login',
    operationId: 'signIn',
    tag,
    access: 'public',
    summary: 'Sign in with email and password; sets the session cookie and the device cookie',
    description:
      'Failed sign-ins are throttled with growing delays (429 TOO_MANY_ATTEMPTS with Retry-After); ' +
      'a browser that signed in to the account before (device cookie) is exempt. See the README, "Sign-in policy".',
    body: loginBody,
    response: userReply,
    errors: [401, 415, 429],
    handler: async ({ body, req, res }) => {
      const { user, session, device } = await auth.login(db, body, clientOf(req));
      setSessionCookie(req, res, session.cookieValue, session.expiresAt);
      setDeviceCookie(req, res, device.cookieValue, device.expiresAt);
      return { user };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/logout',
    operationId: 'signOut',
    tag,
    access: 'authenticated',
    summary: 'Sign out: ends this session and clears the cookie',
    description:
      'For browser sessions only. With an API token it is 400 SIGN_OUT_NEEDS_SESSION and the ' +
      'token keeps working: an admin revokes a token with DELETE /api-tokens/{id}.',
    status: 204,
    handler: async ({ req, res }) => {
      await auth.logout(db, req.identity!, actorOf(req));
      clearSessionCookie(req, res);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/auth/me',
    operationId: 'getCurrentIdentity',
    tag,
    access: 'authenticated',
    summary: 'Who is calling, and when the session ends',
    response: meSchema,
    handler: ({ req }) => auth.me(db, req.identity!),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/password',
    operationId: 'changeOwnPassword',
    tag,
    access: 'session',
    summary: 'Change your own password; every other session of yours ends',
    body: changePasswordBody,
    status: 204,
    errors: [415, 422],
    handler: ({ body, req }) => auth.changePassword(db, req.identity!, body, actorOf(req)),
  }),
];
