import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

/** GET /api/v1/items/categories */
export function getItemCategories(signal?: AbortSignal): Promise<{ data: string[] }> {
  return apiRequest<{ data: string[] }>('/v1/items/categories', { signal });
}

export const itemCategoriesQueryOptions = queryOptions({
  queryKey: [queryRoots.items, 'categories'],
  queryFn: ({ signal }) => getItemCategories(signal),
  select: (body) => body.data,
});

export function useItemCategories() {
  return useQuery(itemCategoriesQueryOptions);
}
