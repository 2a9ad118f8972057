import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Item, ItemInput } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';

/** POST /api/v1/items → 201 Item; 409 SKU_TAKEN / BARCODE_TAKEN. */
export function createItem(input: ItemInput): Promise<Item> {
  return apiRequest<Item>('/v1/items', { method: 'POST', body: input });
}

export function useCreateItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createItem,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [queryRoots.items] }),
        queryClient.invalidateQueries({ queryKey: [queryRoots.stock] }),
      ]);
    },
  });
}
