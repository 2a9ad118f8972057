import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Item } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';

/** GET /api/v1/items/:id */
export function getItem(id: number, signal?: AbortSignal): Promise<Item> {
  return apiRequest<Item>(`/v1/items/${id}`, { signal });
}

export function itemQueryKey(id: number) {
  return [queryRoots.items, 'detail', id] as const;
}

export function itemQueryOptions(id: number) {
  return queryOptions({
    queryKey: itemQueryKey(id),
    queryFn: ({ signal }) => getItem(id, signal),
  });
}

export function useItem(id: number) {
  return useQuery(itemQueryOptions(id));
}
