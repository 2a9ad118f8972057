import { useEffect, useRef } from 'react';
import { FormAlert } from '@/components/form-alert';
import type { ImportResource } from '@/lib/api-types';
import { useCancelImport } from '../api/import-actions';

/** What the bar shows: the mapping's checks (status checking), else the dry run or commit. */
function progressOf(resource: ImportResource) {
  if (resource.status === 'checking') {
    const check = resource.check;
    return {
      label: 'Checking the rows',
      done: check?.done ?? 0,
      total: check?.total ?? resource.rowCount,
      started: (check?.startedAt ?? null) !== null,
    };
  }
  const job = resource.job;
  return {
    label: job?.dryRun ? 'Dry run (nothing is kept)' : 'Importing',
    done: job?.done ?? 0,
    total: job?.total ?? resource.rowCount,
    started: resource.status === 'running',
  };
}

/** The running job: rows done of the total (or the phase before the first rows), and Cancel. */
export function JobProgress({ resource }: { resource: ImportResource }) {
  const cancel = useCancelImport();
  // The button that started the job is gone: focus goes to the one thing left to do.
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelButton.current?.focus(), []);
  const { label, done, total, started } = progressOf(resource);
  const text = started
    ? `${done.toLocaleString()} / ${total.toLocaleString()} rows`
    : 'Waiting to start…';
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="import-job">
      <p id={`import-${resource.id}-job`} className="import-job__label">
        {label}
      </p>
      <div
        role="progressbar"
        className="import-job__bar"
        aria-labelledby={`import-${resource.id}-job`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={started ? done : undefined}
        aria-valuetext={text}
      >
        <div className="import-job__fill" style={{ width: `${started ? percent : 0}%` }} />
      </div>
      <p className="import-job__text" aria-hidden="true">
        {text}
      </p>
      {cancel.error ? <FormAlert title="Not cancelled" detail={cancel.error.message} /> : null}
      <button
        ref={cancelButton}
        type="button"
        className="button button--secondary"
        disabled={cancel.isPending}
        onClick={() => cancel.mutate(resource.id)}
      >
        {cancel.isPending ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}
