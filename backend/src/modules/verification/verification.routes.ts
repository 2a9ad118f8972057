import { idParams } from '../../lib/http/common-schemas';
import { NOT_A_CURSOR } from '../../lib/http/cursor';
import { defineRoute } from '../../lib/http/define-route';
import type { RouteContext } from '../../lib/http/route-context';
import { cursorFits } from '../../lib/keyset';
import { STALE_KEYSET } from './verification.repository';
import {
  itemVerificationSchema,
  locationVerificationSchema,
  staleCountsQuery,
  staleCountsSchema,
} from './verification.schemas';
import * as verification from './verification.service';

const tag = 'Verification';

// The first key is the phase: 0 (never counted) or 1 (counted before the cutoff).
const staleQuery = staleCountsQuery.refine(
  (q) =>
    cursorFits(STALE_KEYSET, q.cursor) && (!q.cursor || ['0', '1'].includes(q.cursor.keys[0]!)),
  {
    path: ['cursor'],
    error: NOT_A_CURSOR,
  },
);

export const verificationRoutes = ({ db }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/items/:id/verification',
    operationId: 'getItemVerification',
    tag,
    access: 'viewer',
    summary: 'When and by whom the item was last counted, per location',
    params: idParams,
    response: itemVerificationSchema,
    errors: [404],
    handler: ({ params }) => verification.itemVerification(db, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/locations/:id/verification',
    operationId: 'getLocationVerification',
    tag,
    access: 'viewer',
    summary: 'When and by whom stock at the location was last counted',
    params: idParams,
    response: locationVerificationSchema,
    errors: [404],
    handler: ({ params }) => verification.locationVerification(db, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/verification/stale',
    operationId: 'listStaleCounts',
    tag,
    access: 'viewer',
    summary:
      'Cycle counting: stock not counted for N days, never-counted first, then oldest count first',
    query: staleQuery,
    response: staleCountsSchema,
    errors: [404],
    handler: ({ query }) => verification.staleCounts(db, query),
  }),
];
