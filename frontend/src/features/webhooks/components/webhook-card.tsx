import { useTimeZone } from '@/hooks/use-settings';
import { useState } from 'react';
import { ConfirmAction } from '@/components/confirm-action';
import { describeActionError } from '@/lib/api-errors';
import type { Webhook } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format-date';
import { useDeleteWebhook, useEnableWebhook, useSendTestEvent } from '../api/webhook-mutations';
import { DeliveryLog } from './delivery-log';

/** One endpoint: state, Send test event, Re-enable, Delete (asks first), its delivery log. */
export function WebhookCard({
  webhook,
  onMessage,
}: {
  webhook: Webhook;
  onMessage: (m: string) => void;
}) {
  const test = useSendTestEvent();
  const timeZone = useTimeZone();
  const enable = useEnableWebhook();
  const remove = useDeleteWebhook();
  const [confirming, setConfirming] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const error = test.error ?? enable.error ?? remove.error;
  const titleId = `webhook-${webhook.id}-title`;
  return (
    <section className="card section" aria-labelledby={titleId}>
      <h2 id={titleId} className="mono">
        {webhook.url}
      </h2>
      {webhook.description ? <p>{webhook.description}</p> : null}
      <p>
        {webhook.enabled ? (
          <span className="badge badge--ok">Enabled</span>
        ) : (
          <span className="badge badge--warning">
            Disabled {webhook.disabledAt ? formatDateTime(webhook.disabledAt, timeZone) : ''}
          </span>
        )}{' '}
        <span className="muted">Events: {webhook.eventTypes.join(', ')}</span>
      </p>
      {webhook.disabledReason ? <p className="muted">{webhook.disabledReason}</p> : null}
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          disabled={test.isPending}
          onClick={() =>
            test.mutate(webhook.id, {
              onSuccess: () => onMessage(`Test event queued for ${webhook.url}.`),
            })
          }
        >
          Send test event
        </button>
        {webhook.enabled ? null : (
          <button
            type="button"
            className="button button--small"
            disabled={enable.isPending}
            onClick={() =>
              enable.mutate(webhook.id, {
                onSuccess: () => onMessage(`Re-enabled ${webhook.url}.`),
              })
            }
          >
            Re-enable
          </button>
        )}
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={showLog}
          onClick={() => setShowLog((v) => !v)}
        >
          {showLog ? 'Hide deliveries' : 'Show deliveries'}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
        >
          Delete<span className="visually-hidden"> {webhook.url}</span>
        </button>
      </div>
      {confirming ? (
        <ConfirmAction
          label={`Delete ${webhook.url}`}
          message={`Delete the webhook for ${webhook.url} and its delivery log?`}
          confirmLabel="Yes, delete"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          onConfirm={() =>
            remove.mutate(webhook.id, {
              onSuccess: () => {
                setConfirming(false);
                onMessage(`Deleted the webhook for ${webhook.url}.`);
              },
            })
          }
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {describeActionError(error, 'manage webhooks')}
        </p>
      ) : null}
      {showLog ? <DeliveryLog webhookId={webhook.id} /> : null}
    </section>
  );
}
