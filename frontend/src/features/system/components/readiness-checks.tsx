import type { ReadinessCheck, Readiness } from '../api/get-readiness';

const CHECK_LABELS: Record<string, string> = {
  database: 'Database',
  migrations: 'Migrations',
  server: 'API server',
};

const STATUS_LABELS: Record<ReadinessCheck['status'], string> = {
  ok: 'OK',
  error: 'Error',
  unknown: 'Unknown',
};

function describe(check: ReadinessCheck): string | null {
  if (check.error) return check.error;
  if (check.pending !== undefined && check.pending > 0) return `${check.pending} pending`;
  if (check.current) return `At ${check.current}`;
  return null;
}

/** Renders every check the API reports, so new checks show up without a front-end change. */
export function ReadinessChecks({ readiness }: { readiness: Readiness }) {
  return (
    <ul className="check-list">
      {Object.entries(readiness.checks).map(([name, check]) => {
        const description = describe(check);
        return (
          <li className="check-list__item" key={name}>
            <span className="check-list__name">{CHECK_LABELS[name] ?? name}</span>
            <span className={`badge badge--${check.status}`}>
              {STATUS_LABELS[check.status] ?? check.status}
            </span>
            {description ? <span className="check-list__detail">{description}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
