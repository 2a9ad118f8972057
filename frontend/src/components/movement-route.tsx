import type { Movement } from '../lib/api-types';

/**
 * "WH1-A-01 → WH1-B-02" for transfers, "→ bin" for receipts, "bin →" for shipments and
 * "at bin" for adjustments and counts (the API also fills from/to on those, by direction).
 */
export function MovementRoute({ movement }: { movement: Movement }) {
  const from = movement.fromLocation?.code;
  const to = movement.toLocation?.code;
  if (movement.kind === 'adjust' || movement.kind === 'count') {
    const at = from ?? to ?? (movement.locationId ? `#${movement.locationId}` : '—');
    return <span className="movement-route">at {at}</span>;
  }
  if (from && to) {
    return (
      <span className="movement-route">
        {from} <span aria-label="to">→</span> {to}
      </span>
    );
  }
  if (to) return <span className="movement-route">→ {to}</span>;
  if (from) return <span className="movement-route">{from} →</span>;
  return <span className="movement-route">—</span>;
}
