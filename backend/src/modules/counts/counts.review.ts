import { formatMilli, parseMilli } from '../../lib/quantity';
import type { ExpectedRow } from './counts-lines.repository';
import type { CurrentLine } from './counts-review.repository';
import type { CountLine, CountSession, ReviewLine } from './counts.schemas';

const abs = (v: bigint) => (v < 0n ? -v : v);

/** variance / expected in percent, two decimals, rounded half away from zero. */
export function percentOf(variance: bigint, expected: bigint): string | null {
  if (expected === 0n) return null;
  const hundredths = (abs(variance) * 10000n * 2n + abs(expected)) / (2n * abs(expected));
  const sign = variance < 0n !== expected < 0n && variance !== 0n ? '-' : '';
  return `${sign}${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

/**
 * Over a threshold: |variance| above the absolute one, or above the percentage of expected
 * (anything counted where nothing was expected is over any percentage).
 */
export function isFlagged(session: CountSession, variance: bigint, expected: bigint): boolean {
  if (variance === 0n) return false;
  const q = session.thresholdQuantity;
  if (q !== null && abs(variance) > parseMilli(q)) return true;
  const p = session.thresholdPercent;
  if (p === null) return false;
  if (expected === 0n) return true;
  // |variance| / |expected| * 100 > p, in integers: p has at most 2 decimals.
  return abs(variance) * 10000n > BigInt(Math.round(Number(p) * 100)) * abs(expected);
}

export function toReviewLine(session: CountSession, l: CurrentLine): ReviewLine {
  // Once approved, what was posted; before, the ledger's balance when it was counted.
  const expected = l.expectedQuantity ?? l.current - l.since;
  const variance = l.adjustment ?? l.countedQuantity - expected;
  return {
    lineId: l.lineId,
    item: l.item,
    location: l.location,
    countedQuantity: formatMilli(l.countedQuantity),
    countedAt: l.countedAt,
    countedBy: l.countedBy,
    expectedQuantity: formatMilli(expected),
    movementsSince: formatMilli(l.since),
    currentQuantity: formatMilli(l.current),
    variance: formatMilli(variance),
    variancePercent: percentOf(variance, expected),
    flagged: isFlagged(session, variance, expected),
    movementId: l.movementId,
    skipped: l.skipped,
  };
}

export function toReview(
  session: CountSession,
  lines: CurrentLine[],
  expected: ExpectedRow[],
  history: CountLine[],
) {
  return {
    session,
    lines: lines.map((l) => toReviewLine(session, l)),
    uncounted: expected
      .filter((e) => !e.counted)
      .map((e) => ({
        item: e.item,
        location: e.location,
        expectedQuantity: e.quantity,
        counted: false,
      })),
    history,
  };
}
