import { Link } from '@/lib/router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-current-user';
import { LoadingState } from '@/components/loading-state';
import { QueryErrorState } from '@/components/query-error-state';
import { useReadiness } from '../api/get-readiness';
import { useSystemInfo } from '../api/get-system-info';
import { ReadinessBadge } from '../components/readiness-badge';
import { ReadinessChecks } from '../components/readiness-checks';
import { SystemInfoList } from '../components/system-info-list';
import '../components/system.css';
import { useTimeZone } from '@/hooks/use-settings';
import { formatTime } from '@/lib/format-date';

export function StatusRoute() {
  const info = useSystemInfo();
  const readiness = useReadiness();
  const timeZone = useTimeZone();
  const can = useCan();
  const error = info.error ?? readiness.error;
  // Both cards appear together: one alone would span the grid, then halve when the other
  // came (a layout shift). After an error, whatever did load is still shown.
  const show = Boolean(info.data && readiness.data) || Boolean(error);
  const retry = () => {
    void info.refetch();
    void readiness.refetch();
  };

  return (
    <Page title="System status" description="Version and health of this Stockroom server.">
      {error ? (
        <QueryErrorState
          error={error}
          onRetry={retry}
          retrying={info.isFetching || readiness.isFetching}
        />
      ) : null}
      {!error && (info.isPending || readiness.isPending) ? (
        <LoadingState label="Loading system status…" />
      ) : null}
      {/* Last good data stays visible during a blip, under the error message. */}
      <div className="status-grid">
        {show && info.data ? (
          <section className="card" aria-labelledby="server-title">
            <h2 id="server-title">Server</h2>
            <SystemInfoList info={info.data} />
          </section>
        ) : null}
        {show && readiness.data ? (
          <section className="card" aria-labelledby="readiness-title">
            <h2 id="readiness-title">
              Readiness <ReadinessBadge readiness={readiness.data} />
            </h2>
            <ReadinessChecks readiness={readiness.data} />
            <p className="status-meta">
              Checked at {formatTime(readiness.dataUpdatedAt, timeZone)} ({timeZone}); refreshes
              every 10 seconds.
            </p>
          </section>
        ) : null}
      </div>
      {/* The books' proof lives here, not in the header: the header is in every first load. */}
      {can('reconciliation.run') ? (
        <p>
          <Link to={paths.reconciliation}>Check the books (reconciliation)</Link>
        </p>
      ) : null}
    </Page>
  );
}
