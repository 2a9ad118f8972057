import type { ChartModel } from '@/components/charts/chart-model';
import { formatDelta, formatQuantity } from '@/lib/quantity';
import { movementKindLabels } from '@/lib/movements';
import type { StockHistory } from '../api/get-item-stock-history';

const seconds = (iso: string) => new Date(iso).getTime() / 1000;

/**
 * The item's stock over time: the total and each location as step lines (stock holds its
 * value until the next movement), and the counts that changed a balance as markers on the
 * total. The table lists the same points, newest first, with the count adjustments named.
 */
export function stockHistoryModel(
  history: StockHistory,
  formatTime: (iso: string) => string,
): ChartModel {
  const { points, locations } = history;
  // When older movements are left out, the chart starts at the stock before the first point.
  const lead = !history.complete && points.length > 0 ? [points[0]!] : [];
  const x = [...lead.map((p) => seconds(p.at) - 1), ...points.map((p) => seconds(p.at))];
  const startQuantities = lead.map(() => history.start.quantities);
  const startTotals = lead.map(() => history.start.total);
  const series: ChartModel['series'] = [
    {
      label: 'Total',
      style: 'step',
      values: [...startTotals, ...points.map((p) => p.total)].map(Number),
    },
    ...locations.map((l, i) => ({
      label: l.code,
      style: 'step' as const,
      values: [...startQuantities, ...points.map((p) => p.quantities)].map((q) => Number(q[i])),
    })),
    {
      label: 'Count adjustment',
      style: 'points',
      values: [
        ...lead.map(() => null),
        ...points.map((p) => (p.countAdjustment ? Number(p.total) : null)),
      ],
    },
  ];
  const rows = [...points]
    .reverse()
    .map((p) => [
      formatTime(p.at),
      `#${p.movementId} ${movementKindLabels[p.kind]}${p.countAdjustment ? ' (count adjustment)' : ''}`,
      formatDelta(p.change),
      formatQuantity(p.total),
      ...p.quantities.map((q) => formatQuantity(q)),
    ]);
  return {
    x,
    series,
    columns: ['Time', 'Movement', 'Change', 'Total', ...locations.map((l) => l.code)],
    rows,
  };
}
