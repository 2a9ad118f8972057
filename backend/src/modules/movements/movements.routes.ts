import type { Response } from 'express';
import { idParams } from '../../lib/http/common-schemas';
import { defineRoute } from '../../lib/http/define-route';
import { actorOf } from '../../lib/http/identity';
import type { RouteContext } from '../../lib/http/route-context';
import {
  idempotencyHeaders,
  listMovementsQuery,
  movementPage,
  movementSchema,
  postMovementBody,
  reverseBody,
} from './movements.schemas';
import * as movements from './movements.service';
import type { PostResult } from './movements.service';

const tag = 'Movements';

function reply(res: Response, result: PostResult) {
  if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
  res.setHeader('Location', `/api/v1/movements/${result.movement.id}`);
  return result.movement;
}

/** The header is read through the same zod schema that documents it. */
const keyFrom = (header: string | undefined) =>
  idempotencyHeaders.parse({ 'idempotency-key': header })['idempotency-key'];

export const movementRoutes = ({ db }: RouteContext) => [
  defineRoute({
    method: 'post',
    path: '/movements',
    operationId: 'postMovement',
    tag,
    access: 'operator',
    summary: 'Post a movement (receive, ship, transfer, adjust or count)',
    description:
      'Applied atomically with the balances it changes. A movement that would take stock below zero is refused ' +
      'with 409 INSUFFICIENT_STOCK. Send an Idempotency-Key so retries never post twice: a replay ' +
      'answers with the original movement (same status, header Idempotent-Replayed: true). Keys are ' +
      "scoped to the caller (a user's session, or one API token); reusing a key for a different " +
      'request is 422 IDEMPOTENCY_KEY_REUSED.',
    headers: idempotencyHeaders,
    body: postMovementBody,
    status: 201,
    response: movementSchema,
    errors: [409, 415, 422],
    handler: async ({ body, req, res }) =>
      reply(
        res,
        await movements.postMovement(db, body, {
          idempotencyKey: keyFrom(req.get('idempotency-key')),
          actor: actorOf(req),
        }),
      ),
  }),
  defineRoute({
    method: 'get',
    path: '/movements',
    operationId: 'listMovements',
    tag,
    access: 'viewer',
    summary: 'The ledger, newest first, with filters and cursor pagination',
    query: listMovementsQuery,
    response: movementPage,
    handler: ({ query }) => movements.listMovements(db, query),
  }),
  defineRoute({
    method: 'get',
    path: '/movements/:id',
    operationId: 'getMovement',
    tag,
    access: 'viewer',
    summary: 'One movement',
    params: idParams,
    response: movementSchema,
    errors: [404],
    handler: ({ params }) => movements.getMovement(db, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/movements/:id/reverse',
    operationId: 'reverseMovement',
    tag,
    access: 'operator',
    summary: 'Correct a mistake by posting the reversing movement',
    params: idParams,
    headers: idempotencyHeaders,
    body: reverseBody,
    status: 201,
    response: movementSchema,
    errors: [404, 409, 415, 422],
    handler: async ({ params, body, req, res }) =>
      reply(
        res,
        await movements.reverseMovement(
          db,
          params.id,
          {
            note: body.note,
            idempotencyKey: keyFrom(req.get('idempotency-key')) ?? body.idempotencyKey,
          },
          actorOf(req),
        ),
      ),
  }),
];
