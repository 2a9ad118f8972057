import { idParams } from '../../lib/http/common-schemas';
import { defineRoute } from '../../lib/http/define-route';
import { actorOf } from '../../lib/http/identity';
import type { RouteContext } from '../../lib/http/route-context';
import {
  forgotPasswordBody,
  forgotPasswordReply,
  pendingInvitationList,
  pendingInvitationSchema,
  setPasswordBody,
} from './account-links.schemas';
import * as links from './account-links.service';

// Public: reached from emailed links and the sign-in page; then the admin's pending
// invitations. Inviting (creating the user) is in users.routes.
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
  defineRoute({
    method: 'get',
    path: '/users/invitations',
    operationId: 'listPendingInvitations',
    tag: 'Users',
    access: 'admin',
    summary: 'Invitations not accepted yet (expired ones included: resend those)',
    response: pendingInvitationList,
    handler: () => links.listPendingInvitations(db),
  }),
  defineRoute({
    method: 'post',
    path: '/users/:id/invitation',
    operationId: 'resendInvitation',
    tag: 'Users',
    access: 'admin',
    summary: 'Resend an invitation: a new link, valid 7 days; the previous link stops working',
    description:
      '409 INVITATION_NOT_PENDING when the user has set a password, signed in or is ' +
      'deactivated; 409 MAIL_NOT_CONFIGURED while email is off; 429 TOO_MANY_REQUESTS ' +
      '(with Retry-After) within a minute of the last invitation or after 5 in a day.',
    params: idParams,
    status: 201,
    response: pendingInvitationSchema,
    errors: [404, 409, 429],
    handler: ({ params, req }) => links.resendInvitation(db, mail, params.id, actorOf(req)),
  }),
];
