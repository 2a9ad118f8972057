import { useState } from 'react';
import { ConfirmAction } from '@/components/confirm-action';
import { FormAlert } from '@/components/form-alert';
import { FormField } from '@/components/form-field';
import { useIdempotencyKey } from '@/hooks/use-idempotency-key';
import { ApiError, describeActionError } from '@/lib/api-errors';
import type { Movement } from '@/lib/api-types';
import { useTimeZone } from '@/hooks/use-settings';
import { formatDateTime } from '@/lib/format-date';
import { movementAmount, movementAuthor, movementKindLabels } from '@/lib/movements';
import { formatDelta, formatQuantity } from '@/lib/quantity';
import { useReverseMovement } from '../api/reverse-movement';

interface MovementDetailsProps {
  movement: Movement;
  /** Whether this person's role may reverse movements (operator and up). */
  canReverse: boolean;
  onReversed: (reversal: Movement) => void;
}

/** Everything about one movement, and "Reverse" to undo a mistake with a compensating movement. */
export function MovementDetails({
  movement,
  canReverse: allowed,
  onReversed,
}: MovementDetailsProps) {
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const reverse = useReverseMovement();
  const idempotency = useIdempotencyKey();
  const timeZone = useTimeZone();
  const { item } = movement;
  const rows: [string, string][] = [
    ['Movement', `#${movement.id} · ${movementKindLabels[movement.kind]}`],
    ['Recorded', `${formatDateTime(movement.createdAt, timeZone)} (${timeZone})`],
    ['Recorded by', movementAuthor(movement)],
    ['Item', `${item.sku} — ${item.name}`],
    [
      'From',
      movement.fromLocation ? `${movement.fromLocation.code} — ${movement.fromLocation.name}` : '—',
    ],
    ['To', movement.toLocation ? `${movement.toLocation.code} — ${movement.toLocation.name}` : '—'],
    ['Amount', movementAmount(movement)],
  ];
  if (movement.delta !== null) rows.push(['Change', `${formatDelta(movement.delta)} ${item.unit}`]);
  if (movement.countedQuantity !== null) {
    rows.push(['Counted', `${formatQuantity(movement.countedQuantity)} ${item.unit}`]);
  }
  rows.push(['Reference', movement.reference ?? '—'], ['Note', movement.note ?? '—']);
  if (movement.reversesMovementId !== null)
    rows.push(['Reverses', `#${movement.reversesMovementId}`]);
  if (movement.reversedByMovementId !== null) {
    rows.push(['Reversed by', `#${movement.reversedByMovementId}`]);
  }

  const canReverse = allowed && movement.reversedByMovementId === null;
  const error = reverse.error;
  return (
    <div className="movement-details">
      <dl className="detail-grid">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {canReverse ? (
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              reverse.reset();
              setConfirming(true);
            }}
            aria-expanded={confirming}
          >
            Reverse…
          </button>
        </div>
      ) : null}
      {confirming ? (
        <ConfirmAction
          label={`Reverse movement ${movement.id}`}
          message={`Record a movement that undoes #${movement.id} (${movementAmount(movement)} of ${item.sku})?`}
          confirmLabel="Reverse movement"
          pendingLabel="Reversing…"
          pending={reverse.isPending}
          onConfirm={() => {
            const request = { id: movement.id, ...(note.trim() ? { note: note.trim() } : {}) };
            reverse.mutate(
              { ...request, idempotencyKey: idempotency.keyFor(request) },
              {
                onSuccess: (reversal) => {
                  idempotency.renew();
                  setConfirming(false);
                  onReversed(reversal);
                },
                onError: (error) => {
                  if (error instanceof ApiError) idempotency.renew();
                },
              },
            );
          }}
          onCancel={() => setConfirming(false)}
        >
          <FormField label="Reason" optional>
            {(control) => (
              <input
                {...control}
                className="input"
                value={note}
                onChange={(event) => setNote(event.target.value)}
                autoComplete="off"
              />
            )}
          </FormField>
        </ConfirmAction>
      ) : null}
      {error ? (
        <FormAlert
          title="Not reversed"
          detail={describeActionError(error, 'reverse movements')}
          requestId={error instanceof ApiError ? error.requestId : undefined}
        />
      ) : null}
    </div>
  );
}
