// The API a movement form test talks to: one item (SKU-1, barcode 4006381333931), the
// location WH1-A-03 under WH1, and a POST /movements answered by the test.
import {
  cursorPage,
  makeItem,
  makeLocation,
  makeMovement,
  makeTreeNode,
  page,
} from '@/testing/fixtures';
import { mockApi, type RecordedRequest } from '@/testing/mock-api';
import { jsonResponse, problemResponse } from '@/testing/responses';
import type { SessionOptions } from '@/testing/session';

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export const item = makeItem({ id: 1, sku: 'SKU-1', onHand: '3' });
const bin = makeLocation({ id: 10, code: 'WH1-A-03', name: 'Aisle A, bin 3' });
const tree = [
  makeTreeNode({ id: 1, code: 'WH1', name: 'Main warehouse' }),
  makeTreeNode({ id: 10, code: 'WH1-A-03', name: 'Aisle A, bin 3', parentId: 1, depth: 1 }),
];

/** OVERRIDES replace routes by key, e.g. to hold a lookup back. */
export function movementsApi(
  post: Handler,
  overrides: Record<string, Handler> = {},
  session: SessionOptions = {},
) {
  return mockApi(
    {
      'GET /api/v1/locations/tree': () => jsonResponse({ data: tree }),
      'GET /api/v1/items/lookup': ({ url }) =>
        ['SKU-1', '4006381333931'].includes(url.searchParams.get('code') ?? '')
          ? jsonResponse(item)
          : problemResponse({
              title: 'Not Found',
              status: 404,
              code: 'ITEM_NOT_FOUND',
              detail: 'No item has that code.',
            }),
      'GET /api/v1/locations': ({ url }) =>
        jsonResponse(
          url.searchParams.get('code')?.toLowerCase() === 'wh1-a-03' ? page([bin]) : page([], 0),
        ),
      'GET /api/v1/items/1': () => jsonResponse(item),
      // 3 each in WH1-A-03; recent movements of 5 each (so 5 is its usual size).
      'GET /api/v1/items/1/stock': () =>
        jsonResponse({
          itemId: 1,
          total: '3',
          data: [
            {
              location: { id: 10, code: 'WH1-A-03', name: 'Aisle A, bin 3', archivedAt: null },
              quantity: '3',
              updatedAt: '2026-11-22T10:00:00.000Z',
            },
          ],
        }),
      'GET /api/v1/movements': () => jsonResponse(cursorPage([makeMovement(), makeMovement()])),
      'POST /api/v1/movements': post,
      ...overrides,
    },
    session,
  );
}

export const received = () =>
  jsonResponse(
    makeMovement({
      kind: 'receive',
      quantity: '5',
      toLocation: { id: 10, code: 'WH1-A-03', name: 'Aisle A, bin 3' },
    }),
    201,
  );
