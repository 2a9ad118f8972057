import { useState } from 'react';
import { ConfirmAction } from '@/components/confirm-action';
import { FormAlert } from '@/components/form-alert';
import { LoadingState } from '@/components/loading-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { StatusLine } from '@/components/status-line';
import { paths } from '@/config/paths';
import { Link, useParams } from '@/lib/router';
import { useApprove, useCancel, useCountReview } from '../api/counts-api';
import { problemText } from '../components/problem-text';
import { ReviewTable } from '../components/review-table';

type Asking = 'approve' | 'cancel' | null;

/** The manager's review: variances, what nobody counted, then approve (or cancel). */
export function CountReviewRoute() {
  const { id = '' } = useParams();
  const sessionId = Number(id);
  const review = useCountReview(sessionId);
  const approve = useApprove(sessionId);
  const cancel = useCancel(sessionId);
  const [asking, setAsking] = useState<Asking>(null);
  const failed = approve.error ?? cancel.error;
  if (review.isPending) return <LoadingState />;
  if (review.isError)
    return (
      <QueryErrorState
        error={review.error}
        onRetry={() => void review.refetch()}
        retrying={review.isFetching}
      />
    );
  const { session, lines, uncounted } = review.data;
  const flagged = lines.filter((l) => l.flagged).length;
  return (
    <Page
      title={`Review count ${session.id}`}
      description={`Adjustments are posted with the reference ${session.reference}.`}
    >
      <p>
        <Link to={paths.countSession(session.id)}>Back to counting</Link>
      </p>
      {failed ? <FormAlert detail={problemText(failed)} /> : null}
      <StatusLine>
        {session.status === 'approved'
          ? `Approved by ${session.closedBy?.name ?? 'someone'}.`
          : session.status === 'cancelled'
            ? 'Cancelled: nothing was posted.'
            : null}
      </StatusLine>
      <section className="section" aria-labelledby="lines-title">
        <h2 id="lines-title">
          Counted lines ({lines.length}
          {flagged > 0 ? `, ${flagged} to recount` : ''})
        </h2>
        {lines.length === 0 ? (
          <p className="muted">Nothing counted yet.</p>
        ) : (
          <ReviewTable lines={lines} />
        )}
      </section>
      <section className="section" aria-labelledby="uncounted-title">
        <h2 id="uncounted-title">Expected but not counted ({uncounted.length})</h2>
        <ul className="list">
          {uncounted.map((u) => (
            <li key={`${u.item.id}:${u.location.id}`}>
              <span className="mono">{u.item.sku}</span> at{' '}
              <span className="mono">{u.location.code}</span>: {u.expectedQuantity} {u.item.unit}
            </li>
          ))}
        </ul>
      </section>
      {session.status === 'open' ? (
        asking ? (
          <ConfirmAction
            message={
              asking === 'approve'
                ? `Post ${lines.length} count adjustments now?`
                : 'Cancel this count? Nothing will be posted.'
            }
            confirmLabel={asking === 'approve' ? 'Yes, approve' : 'Yes, cancel the count'}
            cancelLabel="Back"
            tone={asking === 'approve' ? 'primary' : 'danger'}
            pending={approve.isPending || cancel.isPending}
            onConfirm={() =>
              (asking === 'approve' ? approve : cancel).mutate(undefined, {
                onSettled: () => setAsking(null),
              })
            }
            onCancel={() => setAsking(null)}
          />
        ) : (
          <div className="button-row">
            <button type="button" className="button" onClick={() => setAsking('approve')}>
              Approve
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setAsking('cancel')}
            >
              Cancel count
            </button>
          </div>
        )
      ) : null}
    </Page>
  );
}
