import type { Db } from '../../lib/db';
import { getItem } from '../items/items.service';
import { stockHistory } from './charts.history';
import * as repo from './charts.repository';
import type { MovementsPerDay } from './charts.schemas';

export async function itemStockHistory(db: Db, itemId: number, limit: number) {
  const item = await getItem(db, itemId);
  const input = await repo.historyInput(db, itemId, limit);
  return stockHistory(itemId, { ...input, unit: item.unit });
}

export async function movementsPerDay(db: Db, days: number): Promise<MovementsPerDay> {
  const rows = await repo.movementsPerDay(db, days);
  const data = repo.windowDays(days).map((day) => ({
    day,
    receive: 0,
    ship: 0,
    transfer: 0,
    adjust: 0,
    count: 0,
  }));
  const byDay = new Map(data.map((d) => [d.day, d]));
  for (const r of rows) {
    const d = byDay.get(r.day);
    if (d) d[r.kind] = Number(r.n);
  }
  return { data };
}

/**
 * Low items at the end of each day: today's count minus the changes of the days after
 * (charts.repository lowChangesPerDay). Both read in one snapshot, so a movement in between
 * cannot make the figures disagree with each other.
 */
export async function belowReorderPerDay(db: Db, days: number) {
  const { now, changes } = await db.transaction(
    async (trx) => ({
      now: await repo.lowNow(trx),
      changes: await repo.lowChangesPerDay(trx, days),
    }),
    { isolationLevel: 'repeatable read', readOnly: true },
  );
  const diff = new Map(changes.map((c) => [c.day, Number(c.diff)]));
  const daysList = repo.windowDays(days);
  let items = now;
  const data: { day: string; items: number }[] = [];
  for (let i = daysList.length - 1; i >= 0; i--) {
    const day = daysList[i]!;
    data.push({ day, items });
    items -= diff.get(day) ?? 0;
  }
  return { data: data.reverse() };
}
