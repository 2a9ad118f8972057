import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { Movement } from '../../../lib/api-types';
import { invalidateInventory } from '../../../lib/query-keys';

/** POST /api/v1/movements/:id/reverse → 201 the compensating movement; 409 if already reversed. */
export function reverseMovement(id: number, note?: string): Promise<Movement> {
  return apiRequest<Movement>(`/v1/movements/${id}/reverse`, {
    method: 'POST',
    body: note ? { note } : {},
  });
}

export function useReverseMovement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note?: string }) => reverseMovement(id, note),
    onSuccess: () => invalidateInventory(queryClient),
  });
}
