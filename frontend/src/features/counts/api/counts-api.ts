import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { CountLine, CountReview, CountSession, CountSessionDetail } from '@/lib/api-types';
import { invalidateInventory } from '@/lib/query-keys';

const ROOT = 'counts';

export interface OpenSessionInput {
  locationId?: number;
  itemIds?: number[];
  blind: boolean;
  thresholdQuantity?: string;
  thresholdPercent?: number;
}

export interface CountLineInput {
  locationId: number;
  itemId: number;
  countedQuantity: string;
}

export const useCountSessions = () =>
  useQuery(
    queryOptions({
      queryKey: [ROOT, 'list'],
      queryFn: ({ signal }) => apiRequest<{ data: CountSession[] }>('/v1/counts', { signal }),
      select: (body) => body.data,
    }),
  );

/** The session as a counter sees it; refreshed so two counters see each other's lines. */
export const useCountSession = (id: number) =>
  useQuery({
    queryKey: [ROOT, id],
    queryFn: ({ signal }) => apiRequest<CountSessionDetail>(`/v1/counts/${id}`, { signal }),
    refetchInterval: 10_000,
  });

export const useCountReview = (id: number) =>
  useQuery({
    queryKey: [ROOT, id, 'review'],
    queryFn: ({ signal }) => apiRequest<CountReview>(`/v1/counts/${id}/review`, { signal }),
  });

function useCountMutation<I, O>(fn: (input: I) => Promise<O>, stock = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [ROOT] });
      if (stock) await invalidateInventory(queryClient);
    },
  });
}

export const useOpenSession = () =>
  useCountMutation((input: OpenSessionInput) =>
    apiRequest<CountSession>('/v1/counts', { method: 'POST', body: input }),
  );

/** One line at a time: the server stamps it with the time it arrives (when it was counted). */
export const useAddLine = (sessionId: number) =>
  useCountMutation(({ locationId, itemId, countedQuantity }: CountLineInput) =>
    apiRequest<{ data: CountLine[] }>(`/v1/counts/${sessionId}/lines`, {
      method: 'POST',
      body: { locationId, lines: [{ itemId, countedQuantity }] },
    }),
  );

export const useApprove = (sessionId: number) =>
  useCountMutation(
    () => apiRequest<CountReview>(`/v1/counts/${sessionId}/approve`, { method: 'POST' }),
    true,
  );

export const useCancel = (sessionId: number) =>
  useCountMutation(() =>
    apiRequest<CountSession>(`/v1/counts/${sessionId}/cancel`, { method: 'POST' }),
  );
