import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Location } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { locationQueryKey } from './get-location';

/** POST /api/v1/locations/:id/archive — 409 LOCATION_NOT_EMPTY / LOCATION_HAS_CHILDREN. */
export function archiveLocation(id: number): Promise<Location> {
  return apiRequest<Location>(`/v1/locations/${id}/archive`, { method: 'POST' });
}

export function useArchiveLocation(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => archiveLocation(id),
    onSuccess: async (location) => {
      queryClient.setQueryData(locationQueryKey(id), location);
      await queryClient.invalidateQueries({ queryKey: [queryRoots.locations] });
    },
  });
}
