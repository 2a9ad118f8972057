import { EmptyState } from '@/components/empty-state';
import { LoadingState } from '@/components/loading-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-current-user';
import { Link } from '@/lib/router';
import { useCountSessions } from '../api/counts-api';
import { OpenSessionForm } from '../components/open-session-form';

const STATUS = { open: 'Open', approved: 'Approved', cancelled: 'Cancelled' } as const;

export function CountsRoute() {
  const allowed = useCan();
  const sessions = useCountSessions();
  let content;
  if (sessions.isPending) content = <LoadingState />;
  else if (sessions.isError)
    content = (
      <QueryErrorState
        error={sessions.error}
        onRetry={() => void sessions.refetch()}
        retrying={sessions.isFetching}
      />
    );
  else if (sessions.data.length === 0)
    content = <EmptyState title="No counts yet">A manager opens one for a location.</EmptyState>;
  else
    content = (
      <ul className="list">
        {sessions.data.map((s) => (
          <li key={s.id}>
            <Link to={paths.countSession(s.id)}>
              Count {s.id}
              {s.location ? ` of ${s.location.code}` : ''}
            </Link>{' '}
            <span className="muted">
              — {STATUS[s.status]}
              {s.blind ? ', blind' : ''}
            </span>
          </li>
        ))}
      </ul>
    );
  return (
    <Page
      title="Counts"
      description="Stocktakes that keep stock moving: each count is exact as of when it was taken."
    >
      <p>
        <Link to={paths.notCounted}>Not counted lately</Link>: stock to count next (cycle counting).
      </p>
      {allowed('count.manage') ? <OpenSessionForm /> : null}
      <section className="section" aria-label="Count sessions">
        {content}
      </section>
    </Page>
  );
}
