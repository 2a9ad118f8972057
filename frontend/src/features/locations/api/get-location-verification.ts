import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { components } from '@/lib/api-schema.gen';
import { queryRoots } from '@/lib/query-keys';

export type LocationVerification = components['schemas']['LocationVerification'];

/** GET /api/v1/locations/:id/verification — its newest count and what was never counted. */
export function useLocationVerification(id: number) {
  return useQuery(
    queryOptions({
      queryKey: [queryRoots.locations, 'detail', id, 'verification'],
      queryFn: ({ signal }) =>
        apiRequest<LocationVerification>(`/v1/locations/${id}/verification`, { signal }),
    }),
  );
}
