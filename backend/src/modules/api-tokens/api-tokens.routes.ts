import { idParams } from '../../lib/http/common-schemas';
import { defineRoute } from '../../lib/http/define-route';
import { actorOf } from '../../lib/http/identity';
import type { RouteContext } from '../../lib/http/route-context';
import {
  apiTokenList,
  apiTokenSchema,
  createApiTokenBody,
  createdApiToken,
} from './api-tokens.schemas';
import * as tokens from './api-tokens.service';

const tag = 'API tokens';

export const apiTokenRoutes = ({ db }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/api-tokens',
    operationId: 'listApiTokens',
    tag,
    access: 'admin',
    summary: 'Every API token (never the secrets)',
    response: apiTokenList,
    handler: () => tokens.listTokens(db),
  }),
  defineRoute({
    method: 'post',
    path: '/api-tokens',
    operationId: 'createApiToken',
    tag,
    access: 'admin',
    summary: 'Create an API token; the secret is in this response only',
    body: createApiTokenBody,
    status: 201,
    response: createdApiToken,
    errors: [415],
    handler: ({ body, req }) =>
      tokens.createToken(db, body, { ...actorOf(req), userId: req.identity!.user.id }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api-tokens/:id',
    operationId: 'revokeApiToken',
    tag,
    access: 'admin',
    summary: 'Revoke an API token (it answers 401 from now on)',
    params: idParams,
    status: 204,
    errors: [404],
    handler: ({ params, req }) => tokens.revokeToken(db, params.id, actorOf(req)),
  }),
  defineRoute({
    method: 'post',
    path: '/api-tokens/:id/enable',
    operationId: 'enableApiToken',
    tag,
    access: 'admin',
    summary: 'Re-enable a token that was disabled when its user was deactivated',
    description:
      'Deactivating a user disables their tokens; reactivating the user leaves them disabled, ' +
      'so each one comes back only when an admin says so. Already enabled: returned as is. ' +
      '409 API_TOKEN_REVOKED (revoking is final), 409 TOKEN_OWNER_INACTIVE (reactivate the user first).',
    params: idParams,
    response: apiTokenSchema,
    errors: [404, 409],
    handler: ({ params, req }) => tokens.enableToken(db, params.id, actorOf(req)),
  }),
];
