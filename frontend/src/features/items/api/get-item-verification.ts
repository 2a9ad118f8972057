import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { components } from '@/lib/api-schema.gen';
import { queryRoots } from '@/lib/query-keys';

export type ItemVerification = components['schemas']['ItemVerification'];

/** GET /api/v1/items/:id/verification — when and by whom it was last counted, per place. */
export function itemVerificationQueryOptions(id: number) {
  return queryOptions({
    queryKey: [queryRoots.items, 'detail', id, 'verification'],
    queryFn: ({ signal }) =>
      apiRequest<ItemVerification>(`/v1/items/${id}/verification`, { signal }),
  });
}

export function useItemVerification(id: number) {
  return useQuery(itemVerificationQueryOptions(id));
}
