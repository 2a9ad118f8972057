import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError, describeActionError } from '../lib/api-errors';
import { ConfirmAction } from './confirm-action';
import { FormAlert } from './form-alert';

/** A mutation of one record that takes no input: archive, unarchive, delete. */
type RecordMutation = UseMutationResult<unknown, Error, void, unknown>;

interface RecordActionsProps {
  archived: boolean;
  editLabel: string;
  onEdit: () => void;
  archive: RecordMutation;
  unarchive: RecordMutation;
  remove: RecordMutation;
  /** Offer Delete; the server still decides, and its 409 explains itself. */
  canDelete: boolean;
  deleteQuestion: string;
  onDeleted: () => void;
  /** For a 403's message, e.g. "change items". */
  toDo: string;
  /** Shown under the buttons, e.g. why Delete is not offered. */
  children?: ReactNode;
}

/**
 * Edit / archive or unarchive / delete (after a confirmation) for a record page, with one
 * alert for whichever of them failed.
 */
export function RecordActions(props: RecordActionsProps) {
  const { archive, unarchive, remove } = props;
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const error = archive.error ?? unarchive.error ?? remove.error;
  const busy = archive.isPending || unarchive.isPending || remove.isPending;
  const [toggle, toggleLabel, togglePending] = props.archived
    ? [unarchive, 'Unarchive', 'Restoring…']
    : [archive, 'Archive', 'Archiving…'];
  const run = (action: () => void) => () => {
    archive.reset();
    unarchive.reset();
    remove.reset();
    action();
  };

  return (
    <div className="actions-panel">
      <div className="button-row">
        <button type="button" className="button" onClick={props.onEdit} disabled={busy}>
          {props.editLabel}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={run(() => toggle.mutate())}
        >
          {toggle.isPending ? togglePending : toggleLabel}
        </button>
        {props.canDelete ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            aria-expanded={confirmingDelete}
            onClick={run(() => setConfirmingDelete(true))}
          >
            Delete
          </button>
        ) : null}
      </div>
      {props.children}
      {confirmingDelete ? (
        <ConfirmAction
          message={props.deleteQuestion}
          confirmLabel="Yes, delete"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          disabled={busy}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: props.onDeleted,
              onError: () => setConfirmingDelete(false),
            })
          }
          onCancel={() => setConfirmingDelete(false)}
        />
      ) : null}
      {error ? (
        <FormAlert
          title={remove.error ? 'Not deleted' : archive.error ? 'Not archived' : 'Not unarchived'}
          detail={describeActionError(error, props.toDo)}
          requestId={error instanceof ApiError ? error.requestId : undefined}
        />
      ) : null}
    </div>
  );
}
