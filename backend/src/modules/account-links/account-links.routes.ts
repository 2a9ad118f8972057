import { defineRoute } from '../../lib/http/define-route';
import type { RouteContext } from '../../lib/http/route-context';
import { forgotPasswordBody, forgotPasswordReply, setPasswordBody } from './account-links.schemas';
import * as links from './account-links.service';

// Public: reached from emailed links and the sign-in page. Inviting is in users.routes.
export const accountLinkRoutes = ({ db, mail }: RouteContext) => [
  defineRoute({
    method: 'post',
    path: '/auth/password-reset',
    operationId: 'requestPasswordReset',
    tag: 'Auth',
    access: 'public',
    summary: 'Forgot password: email a single-use link to choose a new one',
    description:
      'The same 202 whether or not the account exists. Limited per email and per address ' +
      '(429 TOO_MANY_REQUESTS with Retry-After); 409 MAIL_NOT_CONFIGURED while email is off.',
    body: forgotPasswordBody,
    status: 202,
    response: forgotPasswordReply,
    errors: [409, 415, 429],
    handler: ({ body, req }) => links.requestPasswordReset(db, mail, body, { ip: req.ip ?? null }),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/set-password',
    operationId: 'setPasswordWithLink',
    tag: 'Auth',
    access: 'public',
    summary: 'Choose a password with an emailed link (invitation or reset); ends every session',
    description: '400 ACCOUNT_LINK_INVALID for an unknown, used or expired link.',
    body: setPasswordBody,
    status: 204,
    errors: [415],
    handler: ({ body, req }) => links.setPasswordWithLink(db, body, { ip: req.ip ?? null }),
  }),
];
