import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Item } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { itemQueryKey } from './get-item';

/** POST /api/v1/items/:id/archive — 409 ITEM_HAS_STOCK while stock is on hand. */
export function archiveItem(id: number): Promise<Item> {
  return apiRequest<Item>(`/v1/items/${id}/archive`, { method: 'POST' });
}

export function useArchiveItem(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => archiveItem(id),
    onSuccess: async (item) => {
      queryClient.setQueryData(itemQueryKey(id), item);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [queryRoots.items] }),
        queryClient.invalidateQueries({ queryKey: [queryRoots.stock] }),
      ]);
    },
  });
}
