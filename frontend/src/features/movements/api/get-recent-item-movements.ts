import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { CursorList, Movement } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { toQueryString } from '@/lib/query-string';

/** GET /api/v1/movements?itemId=&limit=20 — the item's last movements, for its usual size. */
export function recentItemMovementsQueryOptions(itemId: number) {
  return queryOptions({
    queryKey: [queryRoots.movements, 'item', itemId, 'recent'],
    queryFn: ({ signal }) =>
      apiRequest<CursorList<Movement>>(`/v1/movements${toQueryString({ itemId, limit: 20 })}`, {
        signal,
      }),
  });
}
