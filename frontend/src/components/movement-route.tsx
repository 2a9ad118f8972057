import type { Movement } from '../lib/api-types';

/** "WH1-A-01 → WH1-B-02", or the single location for receipts, shipments and counts. */
export function MovementRoute({ movement }: { movement: Movement }) {
  const from = movement.fromLocation?.code;
  const to = movement.toLocation?.code;
  if (from && to) {
    return (
      <span className="movement-route">
        {from} <span aria-label="to">→</span> {to}
      </span>
    );
  }
  if (to) return <span className="movement-route">→ {to}</span>;
  if (from) return <span className="movement-route">{from} →</span>;
  return (
    <span className="movement-route">
      {movement.locationId ? `Location #${movement.locationId}` : '—'}
    </span>
  );
}
