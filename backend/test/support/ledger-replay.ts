import { parseMilli } from '../../src/lib/quantity';

// The tests' own replay of the ledger, independent of the API's code: each movement is
// +quantity at its to_location and −quantity at its from_location, in thousandths.

export interface LedgerMove {
  item_id: string;
  from_location_id: string | null;
  to_location_id: string | null;
  quantity: string;
}

/** Adds MOVE to BALANCES ("item:location" → thousandths); answers the keys it changed. */
export function applyMove(balances: Map<string, bigint>, move: LedgerMove): string[] {
  const q = parseMilli(move.quantity);
  const changes: [string | null, bigint][] = [
    [move.to_location_id, q],
    [move.from_location_id, -q],
  ];
  const keys: string[] = [];
  for (const [place, change] of changes) {
    if (!place) continue;
    const key = `${move.item_id}:${place}`;
    balances.set(key, (balances.get(key) ?? 0n) + change);
    keys.push(key);
  }
  return keys;
}

/** Each "item:location"'s balance after ROWS. */
export function replay(rows: readonly LedgerMove[]): Map<string, bigint> {
  const balances = new Map<string, bigint>();
  for (const row of rows) applyMove(balances, row);
  return balances;
}
