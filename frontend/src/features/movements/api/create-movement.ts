import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequestWithHeaders } from '@/lib/api-client';
import type { Movement, MovementInput } from '@/lib/api-types';
import { invalidateInventory } from '@/lib/query-keys';

export interface CreateMovementVariables {
  input: MovementInput;
  /** Same key on a retry, so a request that did land is not recorded twice. */
  idempotencyKey: string;
}

export interface CreatedMovement {
  movement: Movement;
  /** The server had already recorded this key and answered with the original movement. */
  replayed: boolean;
}

/** POST /api/v1/movements with an Idempotency-Key header. */
export async function createMovement({
  input,
  idempotencyKey,
}: CreateMovementVariables): Promise<CreatedMovement> {
  const { data, headers } = await apiRequestWithHeaders<Movement>('/v1/movements', {
    method: 'POST',
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return { movement: data, replayed: headers.get('Idempotent-Replayed') === 'true' };
}

export function useCreateMovement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMovement,
    onSuccess: () => {
      // Not awaited: the next scan should not wait for every list to refetch.
      void invalidateInventory(queryClient);
    },
  });
}
