import { idParams } from '../../lib/http/common-schemas';
import { defineRoute } from '../../lib/http/define-route';
import { actorOf } from '../../lib/http/identity';
import type { RouteContext } from '../../lib/http/route-context';
import { apiTokenList, createApiTokenBody, createdApiToken } from './api-tokens.schemas';
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
];
