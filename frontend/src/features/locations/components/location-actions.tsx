import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmAction } from '../../../components/confirm-action';
import { FormAlert } from '../../../components/form-alert';
import { paths } from '../../../config/paths';
import { ApiError, describeActionError } from '../../../lib/api-errors';
import type { Location } from '../../../lib/api-types';
import { useArchiveLocation } from '../api/archive-location';
import { useDeleteLocation } from '../api/delete-location';
import { useUnarchiveLocation } from '../api/unarchive-location';

interface LocationActionsProps {
  location: Location;
  onEdit: () => void;
}

/** Archive / unarchive / delete; the server's 409 detail says why when it refuses. */
export function LocationActions({ location, onEdit }: LocationActionsProps) {
  const navigate = useNavigate();
  const archive = useArchiveLocation(location.id);
  const unarchive = useUnarchiveLocation(location.id);
  const remove = useDeleteLocation(location.id);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const error = archive.error ?? unarchive.error ?? remove.error;
  const busy = archive.isPending || unarchive.isPending || remove.isPending;
  const reset = () => {
    archive.reset();
    unarchive.reset();
    remove.reset();
  };

  return (
    <div className="actions-panel">
      <div className="button-row">
        <button type="button" className="button" onClick={onEdit} disabled={busy}>
          Edit or move
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => {
            reset();
            if (location.archivedAt) unarchive.mutate();
            else archive.mutate();
          }}
        >
          {location.archivedAt ? 'Unarchive' : 'Archive'}
        </button>
        {confirmingDelete ? null : (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => {
              reset();
              setConfirmingDelete(true);
            }}
          >
            Delete
          </button>
        )}
      </div>
      {confirmingDelete ? (
        <ConfirmAction
          message={`Delete ${location.code} permanently? Locations that were ever used cannot be deleted; archive them instead.`}
          confirmLabel="Yes, delete"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          disabled={busy}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () => void navigate(paths.locations),
              onError: () => setConfirmingDelete(false),
            })
          }
          onCancel={() => setConfirmingDelete(false)}
        />
      ) : null}
      {error ? (
        <FormAlert
          title={remove.error ? 'Not deleted' : archive.error ? 'Not archived' : 'Not unarchived'}
          detail={describeActionError(error, 'change locations')}
          requestId={error instanceof ApiError ? error.requestId : undefined}
        />
      ) : null}
    </div>
  );
}
