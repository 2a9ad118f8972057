import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Location } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { locationQueryKey } from './get-location';

/** POST /api/v1/locations/:id/unarchive. */
export function unarchiveLocation(id: number): Promise<Location> {
  return apiRequest<Location>(`/v1/locations/${id}/unarchive`, { method: 'POST' });
}

export function useUnarchiveLocation(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unarchiveLocation(id),
    onSuccess: async (location) => {
      queryClient.setQueryData(locationQueryKey(id), location);
      await queryClient.invalidateQueries({ queryKey: [queryRoots.locations] });
    },
  });
}
