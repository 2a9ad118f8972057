import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Item } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';

/** GET /api/v1/items/:id — used to preset the movement form from ?itemId=. */
export function getItem(id: number, signal?: AbortSignal): Promise<Item> {
  return apiRequest<Item>(`/v1/items/${id}`, { signal });
}

export function itemQueryOptions(id: number) {
  return queryOptions({
    queryKey: [queryRoots.items, 'detail', id],
    queryFn: ({ signal }) => getItem(id, signal),
  });
}

export function useItem(id: number | null) {
  return useQuery({ ...itemQueryOptions(id ?? 0), enabled: id !== null });
}
