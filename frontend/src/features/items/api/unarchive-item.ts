import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Item } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { itemQueryKey } from './get-item';

/** POST /api/v1/items/:id/unarchive */
export function unarchiveItem(id: number): Promise<Item> {
  return apiRequest<Item>(`/v1/items/${id}/unarchive`, { method: 'POST' });
}

export function useUnarchiveItem(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unarchiveItem(id),
    onSuccess: async (item) => {
      queryClient.setQueryData(itemQueryKey(id), item);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [queryRoots.items] }),
        queryClient.invalidateQueries({ queryKey: [queryRoots.stock] }),
      ]);
    },
  });
}
