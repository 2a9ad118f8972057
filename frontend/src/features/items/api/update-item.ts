import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Item, ItemPatch } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { itemQueryKey } from './get-item';

/** PATCH /api/v1/items/:id — only the fields sent change; `null` clears optional ones. */
export function updateItem(id: number, changes: ItemPatch): Promise<Item> {
  return apiRequest<Item>(`/v1/items/${id}`, { method: 'PATCH', body: changes });
}

export function useUpdateItem(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ItemPatch) => updateItem(id, changes),
    onSuccess: async (item) => {
      queryClient.setQueryData(itemQueryKey(id), item);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [queryRoots.items] }),
        queryClient.invalidateQueries({ queryKey: [queryRoots.stock] }),
        queryClient.invalidateQueries({ queryKey: [queryRoots.movements] }),
      ]);
    },
  });
}
