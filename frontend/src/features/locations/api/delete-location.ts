import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { locationQueryKey } from './get-location';

/** DELETE /api/v1/locations/:id → 204; 409 LOCATION_IN_USE once anything refers to it. */
export function deleteLocation(id: number): Promise<void> {
  return apiRequest<void>(`/v1/locations/${id}`, { method: 'DELETE' });
}

export function useDeleteLocation(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteLocation(id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: locationQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: [queryRoots.locations, 'tree'] });
    },
  });
}
