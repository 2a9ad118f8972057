import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Location, LocationPatch } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { locationQueryKey } from './get-location';

/** PATCH /api/v1/locations/:id — also moves it (parentId); 422 LOCATION_CYCLE under itself. */
export function updateLocation(id: number, changes: LocationPatch): Promise<Location> {
  return apiRequest<Location>(`/v1/locations/${id}`, { method: 'PATCH', body: changes });
}

export function useUpdateLocation(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: LocationPatch) => updateLocation(id, changes),
    onSuccess: async (location) => {
      queryClient.setQueryData(locationQueryKey(id), location);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [queryRoots.locations] }),
        // Item stock tables and movements show location codes.
        queryClient.invalidateQueries({ queryKey: [queryRoots.items] }),
        queryClient.invalidateQueries({ queryKey: [queryRoots.movements] }),
      ]);
    },
  });
}
