import { FormAlert } from '@/components/form-alert';
import { ApiError } from '@/lib/api-errors';
import type { ImportResource } from '@/lib/api-types';
import { useCommitImport } from '../api/import-actions';

/** Dry run and commit; a receive-mode file committed before is only imported again on request. */
export function CommitActions({ resource }: { resource: ImportResource }) {
  const commit = useCommitImport();
  const preview = resource.preview;
  const mode = resource.mapping?.mode ?? 'all-or-nothing';
  // All or nothing with problems would only be refused: say so instead of offering it.
  const blocked = mode === 'all-or-nothing' && (preview?.invalidRows ?? 0) > 0;
  const error = commit.error;
  const repeated = error instanceof ApiError && error.code === 'IMPORT_REPEATED';
  const start = (dryRun: boolean, confirmRepeat = false) =>
    commit.mutate({ id: resource.id, dryRun, confirmRepeat });

  return (
    <div className="import-actions">
      {repeated ? (
        <div className="form-alert" role="alert">
          <p className="form-alert__title">This file was imported before</p>
          <p className="form-alert__detail">{error.message}</p>
          <button type="button" className="button" onClick={() => start(false, true)}>
            Import again anyway
          </button>
        </div>
      ) : error ? (
        <FormAlert title="Not started" detail={error.message} />
      ) : null}
      {blocked ? (
        <p className="field__hint">
          All or nothing: fix the rows with problems, or choose “Valid rows only” above.
        </p>
      ) : null}
      <div className="import-actions__buttons">
        <button
          type="button"
          className="button button--secondary"
          disabled={commit.isPending}
          onClick={() => start(true)}
        >
          Dry run
        </button>
        <button
          type="button"
          className="button"
          disabled={commit.isPending || blocked}
          onClick={() => start(false)}
        >
          Import
        </button>
      </div>
    </div>
  );
}
