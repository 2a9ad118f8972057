import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { itemQueryKey } from './get-item';

/** DELETE /api/v1/items/:id → 204; 409 ITEM_IN_USE once it has history. */
export function deleteItem(id: number): Promise<void> {
  return apiRequest<void>(`/v1/items/${id}`, { method: 'DELETE' });
}

export function useDeleteItem(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteItem(id),
    onSuccess: () => {
      // Lists only: refetching the deleted item's own queries would just 404.
      queryClient.removeQueries({ queryKey: itemQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: [queryRoots.items, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [queryRoots.items, 'categories'] });
      void queryClient.invalidateQueries({ queryKey: [queryRoots.stock] });
    },
  });
}
