import { useState } from 'react';
import { LoadingState } from '@/components/loading-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-current-user';
import type { Location } from '@/lib/api-types';
import { Link, useParams } from '@/lib/router';
import { useCountSession } from '../api/counts-api';
import { CountEntry } from '../components/count-entry';
import { PlaceLines } from '../components/place-lines';

/** Counting on the floor (phone-sized first): scan a place, then its items. */
export function CountSessionRoute() {
  const { id = '' } = useParams();
  const sessionId = Number(id);
  const detail = useCountSession(sessionId);
  const allowed = useCan();
  const [location, setLocation] = useState<Location | null>(null);
  if (detail.isPending) return <LoadingState />;
  if (detail.isError)
    return (
      <QueryErrorState
        error={detail.error}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  const { session, lines, expected } = detail.data;
  const title = `Count ${session.id}${session.location ? ` of ${session.location.code}` : ''}`;
  return (
    <Page
      title={title}
      description={
        session.blind
          ? 'Blind count: enter what is on the shelf.'
          : 'Enter what is on the shelf; what the books expect is listed.'
      }
    >
      {allowed('count.manage') ? (
        <p>
          <Link to={paths.countReview(session.id)}>Review and approve</Link>
        </p>
      ) : null}
      {session.status === 'open' ? (
        <CountEntry sessionId={session.id} location={location} onLocation={setLocation} />
      ) : (
        <p role="status">This count is {session.status}; it takes no more lines.</p>
      )}
      {location ? <PlaceLines location={location} lines={lines} expected={expected} /> : null}
    </Page>
  );
}
