import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Movement } from '@/lib/api-types';
import { invalidateInventory } from '@/lib/query-keys';

/** POST /api/v1/movements/:id/reverse → 201 the compensating movement; 409 if already reversed. */
export interface ReverseMovementVariables {
  id: number;
  note?: string;
  /** Makes a retried reversal safe: the server answers with the first reversal. */
  idempotencyKey: string;
}

export function reverseMovement({
  id,
  note,
  idempotencyKey,
}: ReverseMovementVariables): Promise<Movement> {
  return apiRequest<Movement>(`/v1/movements/${id}/reverse`, {
    method: 'POST',
    body: note ? { note } : {},
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useReverseMovement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reverseMovement,
    onSuccess: () => invalidateInventory(queryClient),
  });
}
