import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Webhook, WebhookDelivery } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';

/** GET /api/v1/webhooks (admin); never the secrets. */
export function getWebhooks(signal?: AbortSignal): Promise<{ data: Webhook[] }> {
  return apiRequest<{ data: Webhook[] }>('/v1/webhooks', { signal });
}

export function useWebhooks() {
  return useQuery(
    queryOptions({
      queryKey: [accountRoots.webhooks, 'list'],
      queryFn: ({ signal }) => getWebhooks(signal),
      select: (body) => body.data,
    }),
  );
}

/** GET /api/v1/webhooks/:id/deliveries: the newest 50, refreshed while the log is open. */
export function useDeliveries(webhookId: number) {
  return useQuery({
    queryKey: [accountRoots.webhooks, webhookId, 'deliveries'],
    queryFn: ({ signal }) =>
      apiRequest<{ data: WebhookDelivery[] }>(`/v1/webhooks/${webhookId}/deliveries?limit=50`, {
        signal,
      }),
    select: (body) => body.data,
    refetchInterval: 5000,
  });
}
