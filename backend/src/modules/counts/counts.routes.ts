import { defineRoute } from '../../lib/http/define-route';
import { actorOf } from '../../lib/http/identity';
import type { RouteContext } from '../../lib/http/route-context';
import {
  addLinesBody,
  countLineSchema,
  countSessionSchema,
  listSessionsQuery,
  openSessionBody,
  reviewSchema,
  sessionDetailSchema,
  sessionListSchema,
  sessionParams,
} from './counts.schemas';
import * as counts from './counts.service';
import { z } from 'zod';

const tag = 'Counts';

export const countRoutes = ({ db }: RouteContext) => [
  defineRoute({
    method: 'post',
    path: '/counts',
    operationId: 'openCountSession',
    tag,
    access: 'manager',
    summary: 'Open a count session (stocktake) for a location subtree or a list of items',
    description:
      'Stock keeps moving while it is counted: each line records when it was counted, and approval ' +
      'posts counted − balance at that time. A blind session shows counters no expected quantities.',
    body: openSessionBody,
    status: 201,
    response: countSessionSchema,
    errors: [415, 422],
    handler: ({ body, req }) => counts.openSession(db, body, actorOf(req)),
  }),
  defineRoute({
    method: 'get',
    path: '/counts',
    operationId: 'listCountSessions',
    tag,
    access: 'operator',
    summary: 'Count sessions, newest first (at most 200)',
    query: listSessionsQuery,
    response: sessionListSchema,
    handler: ({ query }) => counts.listSessions(db, query.status),
  }),
  defineRoute({
    method: 'get',
    path: '/counts/:id',
    operationId: 'getCountSession',
    tag,
    access: 'operator',
    summary: 'A count session: its lines and, unless blind for this caller, what is expected',
    params: sessionParams,
    response: sessionDetailSchema,
    errors: [404],
    handler: ({ params, req }) => counts.sessionDetail(db, params.id, req.identity!.role),
  }),
  defineRoute({
    method: 'post',
    path: '/counts/:id/lines',
    operationId: 'addCountLines',
    tag,
    access: 'operator',
    summary: 'Record what was counted at one location',
    description:
      'A later line for the same item and location replaces the earlier one (both stay in the history). ' +
      'countedAt defaults to now; one in the future or before the session or item existed is 422.',
    params: sessionParams,
    body: addLinesBody,
    status: 201,
    response: z.object({ data: z.array(countLineSchema) }).meta({ id: 'CountLineList' }),
    errors: [404, 409, 415, 422],
    handler: ({ params, body, req }) => counts.addLines(db, params.id, body, actorOf(req)),
  }),
  defineRoute({
    method: 'get',
    path: '/counts/:id/review',
    operationId: 'reviewCountSession',
    tag,
    access: 'manager',
    summary: 'Per line: expected when counted, counted, movements since, variance, flags',
    params: sessionParams,
    response: reviewSchema,
    errors: [404],
    handler: ({ params }) => counts.review(db, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/counts/:id/approve',
    operationId: 'approveCountSession',
    tag,
    access: 'manager',
    summary: 'Post every adjustment in one transaction, with reference count:<id>',
    description: 'A session approved or cancelled already is 409 COUNT_SESSION_CLOSED.',
    params: sessionParams,
    response: reviewSchema,
    errors: [404, 409, 422],
    handler: ({ params, req }) => counts.approve(db, params.id, actorOf(req)),
  }),
  defineRoute({
    method: 'post',
    path: '/counts/:id/cancel',
    operationId: 'cancelCountSession',
    tag,
    access: 'manager',
    summary: 'Close a session without posting anything',
    params: sessionParams,
    response: countSessionSchema,
    errors: [404, 409],
    handler: ({ params, req }) => counts.cancel(db, params.id, actorOf(req)),
  }),
];
