import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import { useReadiness } from '../api/get-readiness';
import { ReadinessBadge } from './readiness-badge';
import './system.css';

/** Dashboard glance at server health; the details live on the Status page. */
export function StatusSummaryCard() {
  const readiness = useReadiness();

  let summary;
  if (readiness.data) {
    summary = (
      <p className="status-summary__line">
        <ReadinessBadge readiness={readiness.data} />
        {readiness.data.status === 'ready'
          ? 'The server and database are working.'
          : (readiness.data.detail ?? 'The server is up but not ready yet.')}
      </p>
    );
  } else if (readiness.isError) {
    summary = (
      <p className="status-summary__line">Stockroom can&apos;t reach its server right now.</p>
    );
  } else {
    summary = (
      <p className="status-summary__line" role="status">
        Checking…
      </p>
    );
  }

  return (
    <section className="card status-summary" aria-labelledby="status-summary-title">
      <h2 id="status-summary-title">System status</h2>
      {summary}
      <Link to={paths.status}>View system status</Link>
    </section>
  );
}
