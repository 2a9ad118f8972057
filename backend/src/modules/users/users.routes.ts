import { idParams } from '../../lib/http/common-schemas';
import { defineRoute } from '../../lib/http/define-route';
import { actorOf } from '../../lib/http/identity';
import type { RouteContext } from '../../lib/http/route-context';
import {
  createUserBody,
  inviteUserBody,
  resetPasswordBody,
  signInThrottleCleared,
  updateUserBody,
  userList,
  userNameList,
  userSchema,
} from './users.schemas';
import * as accountLinks from '../account-links/account-links.service';
import * as users from './users.service';

const tag = 'Users';

export const userRoutes = ({ db, mail }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/users',
    operationId: 'listUsers',
    tag,
    access: 'admin',
    summary: 'Every user',
    response: userList,
    handler: () => users.listUsers(db),
  }),
  defineRoute({
    method: 'get',
    path: '/user-names',
    operationId: 'listUserNames',
    tag,
    access: 'viewer',
    summary: "Every user's id and name (for filters such as the movement list's Recorded by)",
    description:
      'Readable by any role and by read tokens; it names people (including deactivated ones, ' +
      'who may have recorded movements) and shows nothing else about them.',
    response: userNameList,
    handler: () => users.listUserNames(db),
  }),
  defineRoute({
    method: 'post',
    path: '/users',
    operationId: 'createUser',
    tag,
    access: 'admin',
    summary: 'Create a user with a first password',
    body: createUserBody,
    status: 201,
    response: userSchema,
    errors: [409, 415],
    handler: ({ body, req }) => users.createUser(db, body, actorOf(req)),
  }),
  defineRoute({
    method: 'post',
    path: '/users/invitations',
    operationId: 'inviteUser',
    tag,
    access: 'admin',
    summary: 'Invite a user by email: they choose their own password from a link',
    description:
      'The link works once, for 7 days. 409 MAIL_NOT_CONFIGURED while email is off (create ' +
      'the user with a password instead).',
    body: inviteUserBody,
    status: 201,
    response: userSchema,
    errors: [409, 415],
    handler: ({ body, req }) => accountLinks.inviteUser(db, mail, body, actorOf(req)),
  }),
  defineRoute({
    method: 'patch',
    path: '/users/:id',
    operationId: 'updateUser',
    tag,
    access: 'admin',
    summary: 'Rename, change the role of, deactivate or reactivate a user',
    description:
      'Deactivating or demoting ends their sessions. 409 LAST_ADMIN when no active admin would be left.',
    params: idParams,
    body: updateUserBody,
    response: userSchema,
    errors: [404, 409, 415],
    handler: ({ params, body, req }) => users.updateUser(db, params.id, body, actorOf(req)),
  }),
  defineRoute({
    method: 'post',
    path: '/users/:id/password',
    operationId: 'setUserPassword',
    tag,
    access: 'admin',
    summary: "Set a user's password (ends their sessions)",
    params: idParams,
    body: resetPasswordBody,
    status: 204,
    errors: [404, 415],
    handler: ({ params, body, req }) =>
      users.resetPassword(db, params.id, body.newPassword, actorOf(req)),
  }),
  defineRoute({
    method: 'post',
    path: '/users/:id/sign-in-throttle/clear',
    operationId: 'clearUserSignInThrottle',
    tag,
    access: 'admin',
    summary: "Clear a user's sign-in throttle (forget their failed sign-ins; audited)",
    description:
      'For a user kept waiting by failed sign-ins (their own typos or someone guessing). ' +
      'The CLI does the same: node dist/cli.js unlock-sign-in <email>.',
    params: idParams,
    response: signInThrottleCleared,
    errors: [404],
    handler: ({ params, req }) => users.clearSignInThrottle(db, params.id, actorOf(req)),
  }),
];
