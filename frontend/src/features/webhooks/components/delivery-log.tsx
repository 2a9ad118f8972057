import { useTimeZone } from '@/hooks/use-settings';
import { QueryErrorState } from '@/components/query-error-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { describeActionError } from '@/lib/api-errors';
import type { WebhookDelivery } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format-date';
import { useDeliveries } from '../api/get-webhooks';
import { useRedeliver } from '../api/webhook-mutations';

const STATUS: Record<WebhookDelivery['status'], [string, string]> = {
  pending: ['Pending', 'badge--warning'],
  delivered: ['Delivered', 'badge--ok'],
  failed: ['Failed', 'badge--archived'],
};

function Outcome({ d }: { d: WebhookDelivery }) {
  if (d.lastAttemptAt === null) return <span className="muted">Not sent yet</span>;
  return (
    <>
      {d.lastStatus === null ? d.lastError : `HTTP ${d.lastStatus}`}
      {d.lastLatencyMs === null ? null : <span className="muted"> in {d.lastLatencyMs} ms</span>}
      {d.lastResponse ? <div className="muted mono">{d.lastResponse.slice(0, 200)}</div> : null}
    </>
  );
}

/** The newest deliveries of one endpoint: what was sent, how it went, and Redeliver. */
export function DeliveryLog({ webhookId }: { webhookId: number }) {
  const deliveries = useDeliveries(webhookId);
  const timeZone = useTimeZone();
  const redeliver = useRedeliver();
  if (deliveries.isPending) return <TableSkeleton label="Loading deliveries…" />;
  if (deliveries.isError)
    return (
      <QueryErrorState
        error={deliveries.error}
        onRetry={() => void deliveries.refetch()}
        retrying={deliveries.isFetching}
      />
    );
  if (deliveries.data.length === 0) return <p className="muted">No deliveries yet.</p>;
  return (
    <div className="table-wrap">
      {redeliver.error ? (
        <p className="field__error" role="alert">
          {describeActionError(redeliver.error, 'manage webhooks')}
        </p>
      ) : null}
      <table className="data-table data-table--stack">
        <caption className="visually-hidden">Deliveries</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answer</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.map((d) => {
            const [label, badge] = STATUS[d.status];
            return (
              <tr key={d.id}>
                <td data-label="Event">
                  <span className="mono">{d.eventType}</span>
                  <div className="muted">{formatDateTime(d.createdAt, timeZone)}</div>
                </td>
                <td data-label="Status">
                  <span className={`badge ${badge}`}>{label}</span>
                  {d.status === 'pending' && d.nextAttemptAt ? (
                    <div className="muted">next {formatDateTime(d.nextAttemptAt, timeZone)}</div>
                  ) : null}
                </td>
                <td data-label="Attempts">{d.attempts}</td>
                <td data-label="Last answer">
                  <Outcome d={d} />
                </td>
                <td data-label="Actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={redeliver.isPending}
                    onClick={() => redeliver.mutate({ webhookId, deliveryId: d.id })}
                  >
                    Redeliver<span className="visually-hidden"> delivery {d.id}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
