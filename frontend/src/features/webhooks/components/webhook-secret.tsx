import { SecretOnce } from '@/components/secret-once';
import type { CreatedWebhook } from '@/lib/api-types';

/** The signing secret, shown once. */
export function WebhookSecret({
  created,
  onDone,
}: {
  created: CreatedWebhook;
  onDone: () => void;
}) {
  return (
    <SecretOnce
      title={`Webhook for ${created.webhook.url} created`}
      warning="Copy the signing secret now: this is the only time Stockroom shows it. The receiver needs it to check the webhook-signature header (Standard Webhooks)."
      label="Signing secret"
      secret={created.secret}
      onDone={onDone}
    />
  );
}
