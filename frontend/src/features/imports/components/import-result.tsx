import { useEffect, useRef } from 'react';
import { paths } from '@/config/paths';
import type { ImportResource } from '@/lib/api-types';
import { Link } from '@/lib/router';
import { ImportCountList } from './import-counts';

/** The end of a commit, cancel or failure; focus comes here so it is read out at once. */
export function ImportResult({
  resource,
  onRestart,
}: {
  resource: ImportResource;
  onRestart: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const committed = resource.status === 'committed';
  const result = resource.job?.result;
  const movements = `${paths.movements}?reference=${encodeURIComponent(resource.reference)}`;
  return (
    <section className="import-step" aria-labelledby={`import-${resource.id}-result`}>
      <h2 id={`import-${resource.id}-result`} ref={heading} tabIndex={-1}>
        {committed ? 'Imported' : resource.status === 'cancelled' ? 'Cancelled' : 'Not imported'}
      </h2>
      {committed ? null : <p>{resource.job?.error ?? 'Nothing was imported.'}</p>}
      {committed && result ? <ImportCountList counts={result} label="What was imported" /> : null}
      <div className="import-actions__buttons">
        {committed ? (
          <Link className="button" to={movements}>
            Movements of this import
          </Link>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onRestart}>
          Import another file
        </button>
      </div>
    </section>
  );
}
