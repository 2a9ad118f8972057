import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiRequest } from '@/lib/api-client';
import type { Item } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { toQueryString } from '@/lib/query-string';

/** GET /api/v1/items/lookup?code= — exact SKU or barcode; 404 ITEM_NOT_FOUND otherwise. */
export function lookupItem(code: string, signal?: AbortSignal): Promise<Item> {
  return apiRequest<Item>(`/v1/items/lookup${toQueryString({ code })}`, { signal });
}

export function lookupItemQueryOptions(code: string) {
  return queryOptions({
    queryKey: [queryRoots.items, 'lookup', code],
    queryFn: ({ signal }) => lookupItem(code, signal),
    // Each scan should see the current on-hand figure.
    staleTime: 0,
    retry: false,
  });
}

/** Imperative lookup for scan + Enter; goes through the cache so repeated scans are cheap. */
export function useLookupItem() {
  const queryClient = useQueryClient();
  return useCallback(
    (code: string) => queryClient.fetchQuery(lookupItemQueryOptions(code)),
    [queryClient],
  );
}
