import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { CreatedWebhook, Webhook, WebhookDelivery, WebhookInput } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';

/** Every webhook mutation refreshes the list and the delivery logs. */
function useWebhookMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [accountRoots.webhooks] }),
  });
}

/** POST /api/v1/webhooks → 201 `{ webhook, secret }`: the only time the secret is sent. */
export const useCreateWebhook = () =>
  useWebhookMutation((input: WebhookInput) =>
    apiRequest<CreatedWebhook>('/v1/webhooks', { method: 'POST', body: input }),
  );

export const useDeleteWebhook = () =>
  useWebhookMutation((id: number) => apiRequest<void>(`/v1/webhooks/${id}`, { method: 'DELETE' }));

export const useEnableWebhook = () =>
  useWebhookMutation((id: number) =>
    apiRequest<Webhook>(`/v1/webhooks/${id}/enable`, { method: 'POST' }),
  );

export const useSendTestEvent = () =>
  useWebhookMutation((id: number) =>
    apiRequest<WebhookDelivery>(`/v1/webhooks/${id}/test`, { method: 'POST' }),
  );

export const useRedeliver = () =>
  useWebhookMutation(({ webhookId, deliveryId }: { webhookId: number; deliveryId: number }) =>
    apiRequest<WebhookDelivery>(`/v1/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`, {
      method: 'POST',
    }),
  );
