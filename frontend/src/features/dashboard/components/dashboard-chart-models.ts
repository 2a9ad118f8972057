import type { ChartModel } from '@/components/charts/chart-model';
import { movementKindLabels } from '@/lib/movements';
import { formatCount } from '@/lib/quantity';
import type { BelowReorderPerDay, MovementsPerDay } from '../api/get-dashboard-charts';

const KINDS = ['receive', 'ship', 'transfer', 'adjust', 'count'] as const;
const midnight = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
/** "1 Dec 2026": the day as the API names it (UTC), not moved by the reader's zone. */
const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** One line per movement kind; the table lists each day (newest first) with each kind. */
export function movementsPerDayModel({ data }: MovementsPerDay): ChartModel {
  return {
    x: data.map((d) => midnight(d.day)),
    series: KINDS.map((kind) => ({
      label: movementKindLabels[kind],
      style: 'line' as const,
      values: data.map((d) => d[kind]),
    })),
    columns: ['Day', ...KINDS.map((k) => movementKindLabels[k]), 'All'],
    rows: [...data]
      .reverse()
      .map((d) => [
        dayLabel(d.day),
        ...KINDS.map((k) => formatCount(d[k])),
        formatCount(KINDS.reduce((sum, k) => sum + d[k], 0)),
      ]),
  };
}

/** Items at or below their reorder point at the end of each day. */
export function belowReorderModel({ data }: BelowReorderPerDay): ChartModel {
  return {
    x: data.map((d) => midnight(d.day)),
    series: [{ label: 'Items low', style: 'step', values: data.map((d) => d.items) }],
    columns: ['Day', 'Items at or below reorder point'],
    rows: [...data].reverse().map((d) => [dayLabel(d.day), formatCount(d.items)]),
  };
}
