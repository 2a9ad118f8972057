import { Page } from '@/components/page';
import { ErrorState } from '@/components/error-state';
import { useTimeZone } from '@/hooks/use-settings';
import { describeActionError } from '@/lib/api-errors';
import { formatDateTime } from '@/lib/format-date';
import { useRunReconciliation } from '../api/run-reconciliation';

/**
 * The books proved on request (issue 14): the same checks as `node dist/cli/reconcile.js`,
 * which the backup verification and the drills also run. There should never be a difference.
 */
export function ReconciliationRoute() {
  const run = useRunReconciliation();
  const timeZone = useTimeZone();
  const result = run.data;
  return (
    <Page title="Reconciliation">
      <p>
        Checks that every balance equals the sum of the ledger, every item&apos;s total equals its
        balances, no balance was ever negative, the location tree&apos;s figures equal the balances,
        and the items list&apos;s count equals the items. It reads the whole ledger, so it can take
        a few seconds.
      </p>
      <button
        type="button"
        className="button"
        disabled={run.isPending}
        onClick={() => run.mutate()}
      >
        {run.isPending ? 'Checking the books…' : 'Check the books'}
      </button>
      {run.isError ? (
        <ErrorState
          title="The books were not checked"
          message={describeActionError(run.error, 'run the reconciliation')}
        />
      ) : null}
      {result ? (
        <section className="section" aria-labelledby="reconciliation-result">
          <h2 id="reconciliation-result">
            {result.ok ? 'The books reconcile' : 'The books do not reconcile'}
          </h2>
          <p className="muted">
            {result.counted.movements} movements, {result.counted.balances} balances, as of{' '}
            {formatDateTime(result.checkedAt, timeZone)}, in {(result.durationMs / 1000).toFixed(1)}{' '}
            s.
          </p>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">Reconciliation checks</caption>
              <thead>
                <tr>
                  <th scope="col">Check</th>
                  <th scope="col" className="num">
                    Differences
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.checks.map((check) => (
                  <tr key={check.name}>
                    <td>
                      {check.description}
                      {check.examples.length > 0 ? (
                        <ul className="mono">
                          {check.examples.map((example) => (
                            <li key={example}>{example}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                    <td className="num">{check.differences === 0 ? 'none' : check.differences}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Page>
  );
}
