import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Location, LocationInput } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';

/** POST /api/v1/locations → 201; 409 LOCATION_CODE_TAKEN. */
export function createLocation(input: LocationInput): Promise<Location> {
  return apiRequest<Location>('/v1/locations', { method: 'POST', body: input });
}

export function useCreateLocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLocation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [queryRoots.locations] }),
  });
}
