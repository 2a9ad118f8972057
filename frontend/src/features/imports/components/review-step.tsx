import { useEffect, useRef } from 'react';
import type { ImportResource } from '@/lib/api-types';
import { CommitActions } from './commit-actions';
import { ImportCountList } from './import-counts';
import { ProblemList } from './problem-list';

/** A finished dry run: what the commit would do, or why it would be refused. */
function DryRunResult({ resource }: { resource: ImportResource }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const job = resource.job;
  if (!job?.result) return null;
  return (
    <div className="import-dry-run">
      <h3 ref={heading} tabIndex={-1}>
        Dry run finished: nothing was written
      </h3>
      {job.error ? <p role="alert">{job.error}</p> : null}
      <ImportCountList counts={job.result} label="What the import would do" />
    </div>
  );
}

/**
 * Step 3: the preview's counts, every problem per row, the dry run and the commit. FOCUS
 * changes each time a mapping is saved, so focus moves to what the new mapping found.
 */
export function ReviewStep({ resource, focus }: { resource: ImportResource; focus: number }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The step appears when the mapping's checks end (the page polled them): focus moves to
  // what they found. It also appears after a dry run (check null then: the job columns hold
  // the dry run), whose result takes focus instead.
  const checked = useRef(resource.check !== null);
  // A mapping saved while this is shown moves focus too.
  const focused = useRef(focus);
  useEffect(() => {
    if (focus === focused.current && !checked.current) return;
    checked.current = false;
    focused.current = focus;
    heading.current?.focus();
  }, [focus]);
  const preview = resource.preview;
  if (!preview) return null;
  const dryRunDone = resource.job?.dryRun === true && resource.job.finishedAt !== null;
  return (
    <section className="import-step" aria-labelledby={`import-${resource.id}-review`}>
      <h2 id={`import-${resource.id}-review`} ref={heading} tabIndex={-1}>
        3. Check and import
      </h2>
      <ImportCountList counts={preview} label="What the file holds" />
      {preview.problems > 0 ? <ProblemList resource={resource} /> : <p>No problems found.</p>}
      {dryRunDone ? <DryRunResult key={resource.job?.finishedAt} resource={resource} /> : null}
      <CommitActions resource={resource} />
    </section>
  );
}
