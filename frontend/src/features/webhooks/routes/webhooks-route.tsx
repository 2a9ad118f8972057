import { useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { StatusLine } from '@/components/status-line';
import { TableSkeleton } from '@/components/table-skeleton';
import type { CreatedWebhook } from '@/lib/api-types';
import { useWebhooks } from '../api/get-webhooks';
import { CreateWebhookForm } from '../components/create-webhook-form';
import { WebhookCard } from '../components/webhook-card';
import { WebhookSecret } from '../components/webhook-secret';

export function WebhooksRoute() {
  const webhooks = useWebhooks();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [message, setMessage] = useState<string | undefined>();

  let content;
  if (webhooks.isPending) content = <TableSkeleton label="Loading webhooks…" />;
  else if (webhooks.isError)
    content = (
      <QueryErrorState
        error={webhooks.error}
        onRetry={() => void webhooks.refetch()}
        retrying={webhooks.isFetching}
      />
    );
  else if (webhooks.data.length === 0)
    content = (
      <EmptyState title="No webhooks yet">
        <p>Add one to have stock events sent to another system as they happen.</p>
      </EmptyState>
    );
  else
    content = webhooks.data.map((w) => (
      <WebhookCard key={w.id} webhook={w} onMessage={setMessage} />
    ));

  return (
    <Page
      title="Webhooks"
      description="Signed event deliveries to other systems, retried until they are acknowledged."
    >
      <StatusLine>{message}</StatusLine>
      {created ? (
        <WebhookSecret created={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateWebhookForm
          onCreated={(next) => {
            setMessage(undefined);
            setCreated(next);
          }}
        />
      )}
      <div className="section">{content}</div>
    </Page>
  );
}
