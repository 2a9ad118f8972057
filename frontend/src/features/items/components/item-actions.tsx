import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmAction } from '../../../components/confirm-action';
import { FormAlert } from '../../../components/form-alert';
import { paths } from '../../../config/paths';
import { ApiError, describeActionError } from '../../../lib/api-errors';
import type { Item } from '../../../lib/api-types';
import { compareQuantity } from '../../../lib/quantity';
import { useArchiveItem } from '../api/archive-item';
import { useDeleteItem } from '../api/delete-item';
import { useItemMovements } from '../api/get-item-movements';
import { useUnarchiveItem } from '../api/unarchive-item';

function errorDetail(error: Error): string {
  return describeActionError(error, 'change items');
}

interface ItemActionsProps {
  item: Item;
  onEdit: () => void;
}

/**
 * Archive / unarchive / delete. Delete is only offered for an item with no stock and no
 * history, which is when the server allows it; a 409 still explains itself if it happens.
 */
export function ItemActions({ item, onEdit }: ItemActionsProps) {
  const navigate = useNavigate();
  const archive = useArchiveItem(item.id);
  const unarchive = useUnarchiveItem(item.id);
  const remove = useDeleteItem(item.id);
  const history = useItemMovements(item.id);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const hasHistory = (history.data?.pages[0]?.data.length ?? 1) > 0;
  const canDelete = !hasHistory && compareQuantity(item.onHand, '0') === 0;
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
          Edit
        </button>
        {item.archivedAt ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => {
              reset();
              unarchive.mutate();
            }}
          >
            {unarchive.isPending ? 'Restoring…' : 'Unarchive'}
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => {
              reset();
              archive.mutate();
            }}
          >
            {archive.isPending ? 'Archiving…' : 'Archive'}
          </button>
        )}
        {canDelete && !confirmingDelete ? (
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
        ) : null}
      </div>
      {!canDelete && history.data ? (
        <p className="field__hint">
          Items with stock or movement history cannot be deleted; archive them instead.
        </p>
      ) : null}
      {confirmingDelete ? (
        <ConfirmAction
          message={`Delete ${item.sku} permanently? This cannot be undone.`}
          confirmLabel="Yes, delete"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          disabled={busy}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () =>
                void navigate(paths.items, { state: { flash: `Deleted ${item.sku}.` } }),
              onError: () => setConfirmingDelete(false),
            })
          }
          onCancel={() => setConfirmingDelete(false)}
        />
      ) : null}
      {error ? (
        <FormAlert
          title={remove.error ? 'Not deleted' : archive.error ? 'Not archived' : 'Not unarchived'}
          detail={errorDetail(error)}
          requestId={error instanceof ApiError ? error.requestId : undefined}
        />
      ) : null}
    </div>
  );
}
