import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiRequest } from '@/lib/api-client';
import type { Location, OffsetList } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { toQueryString } from '@/lib/query-string';

/** GET /api/v1/locations?code= (exact, case-insensitive) → the location, or null if none. */
export async function findLocationByCode(
  code: string,
  signal?: AbortSignal,
): Promise<Location | null> {
  const body = await apiRequest<OffsetList<Location>>(
    `/v1/locations${toQueryString({ code, archived: 'all', limit: 1 })}`,
    { signal },
  );
  return body.data[0] ?? null;
}

export function locationByCodeQueryOptions(code: string) {
  return queryOptions({
    queryKey: [queryRoots.locations, 'by-code', code.toLowerCase()],
    queryFn: ({ signal }) => findLocationByCode(code, signal),
    staleTime: 60_000,
    retry: false,
  });
}

export function useFindLocationByCode() {
  const queryClient = useQueryClient();
  return useCallback(
    (code: string) => queryClient.fetchQuery(locationByCodeQueryOptions(code)),
    [queryClient],
  );
}
