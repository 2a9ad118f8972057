// What the load's clients ask for: a random mix of movements (writes) and the slowest reads,
// over the run's items and locations. Not seeded: each drill run is its own sample.

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const int = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));

/** The body of one movement over CTX.items and CTX.locations. */
export function movementBody(ctx) {
  const itemId = pick(ctx.items);
  const [a, b] = [...ctx.locations].sort(() => Math.random() - 0.5);
  const r = Math.random();
  // Receipts outweigh shipments so stock builds up; some shipments still hit zero (409).
  if (r < 0.35) return { kind: 'receive', itemId, toLocationId: a, quantity: String(int(1, 20)) };
  if (r < 0.6) return { kind: 'ship', itemId, fromLocationId: a, quantity: String(int(1, 12)) };
  if (r < 0.85)
    return {
      kind: 'transfer',
      itemId,
      fromLocationId: a,
      toLocationId: b,
      quantity: String(int(1, 8)),
    };
  if (r < 0.93) {
    const delta = int(-3, 5) || 1;
    return { kind: 'adjust', itemId, locationId: a, delta: String(delta) };
  }
  return { kind: 'count', itemId, locationId: a, countedQuantity: String(int(0, 40)) };
}

/** The path of one read. */
export function readPath(ctx) {
  const r = Math.random();
  // Lists of up to 200 movements and substring searches are the slowest reads the API has.
  if (r < 0.35) return `/api/v1/movements?limit=200&itemId=${pick(ctx.items)}`;
  if (r < 0.55) return `/api/v1/items?q=${encodeURIComponent(ctx.run.slice(-6))}&limit=50`;
  if (r < 0.8) return `/api/v1/items/${pick(ctx.items)}/stock`;
  return '/api/v1/stock/summary';
}
