import { useMemo } from 'react';
import { TimeChart } from '@/components/charts/time-chart';
import { LoadingState } from '@/components/loading-state';
import { QueryErrorState } from '@/components/query-error-state';
import { useTimeZone } from '@/hooks/use-settings';
import { formatDateTime } from '@/lib/format-date';
import type { Item } from '@/lib/api-types';
import { HISTORY_POINTS, useItemStockHistory } from '../api/get-item-stock-history';
import { stockHistoryModel } from './stock-history-model';

/** The item's stock over time, from the ledger (GET /items/:id/stock-history). */
export function ItemStockChart({ item }: { item: Item }) {
  const history = useItemStockHistory(item.id);
  const timeZone = useTimeZone();
  const model = useMemo(
    () =>
      history.data
        ? stockHistoryModel(history.data, (iso) => formatDateTime(iso, timeZone))
        : undefined,
    [history.data, timeZone],
  );
  if (history.isPending) return <LoadingState label="Loading stock history…" />;
  if (history.isError)
    return (
      <QueryErrorState
        error={history.error}
        onRetry={() => void history.refetch()}
        retrying={history.isFetching}
      />
    );
  if (!model || history.data.points.length === 0) return <p>No movements yet: nothing to draw.</p>;
  const counts = history.data.points.filter((p) => p.countAdjustment).length;
  return (
    <>
      <TimeChart
        title={`Stock of ${item.sku} over time (${item.unit})`}
        summary={`Stock after each of the last ${history.data.points.length} movements, in total and at ${history.data.locations.length} locations; ${counts} count adjustments marked. The table view lists the same values.`}
        model={model}
        timeZone={timeZone}
      />
      {history.data.complete ? null : (
        <p className="chart__note">
          The last {HISTORY_POINTS} movements; the chart starts at the stock before them.
        </p>
      )}
    </>
  );
}
