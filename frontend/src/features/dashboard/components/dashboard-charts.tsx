import { useMemo } from 'react';
import { TimeChart } from '@/components/charts/time-chart';
import { LoadingState } from '@/components/loading-state';
import { QueryErrorState } from '@/components/query-error-state';
import { CHART_DAYS, useBelowReorderPerDay, useMovementsPerDay } from '../api/get-dashboard-charts';
import { belowReorderModel, movementsPerDayModel } from './dashboard-chart-models';

type Query = ReturnType<typeof useMovementsPerDay> | ReturnType<typeof useBelowReorderPerDay>;

function Waiting({ query, label }: { query: Query; label: string }) {
  if (query.isError)
    return (
      <QueryErrorState
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  return <LoadingState label={label} />;
}

/**
 * The dashboard's pictures, at the bottom of the page (a chunk of their own, asked for by
 * the lists' chunk): movements per day by kind and low items per day over four weeks.
 */
export function DashboardCharts() {
  const perDay = useMovementsPerDay();
  const low = useBelowReorderPerDay();
  const perDayModel = useMemo(
    () => perDay.data && movementsPerDayModel(perDay.data),
    [perDay.data],
  );
  const lowModel = useMemo(() => low.data && belowReorderModel(low.data), [low.data]);
  return (
    <>
      <section className="section" aria-labelledby="movements-per-day-title">
        <div className="section__header">
          <h2 id="movements-per-day-title">Movements per day</h2>
        </div>
        {perDayModel ? (
          <TimeChart
            title={`Movements per day by kind, last ${CHART_DAYS} days (UTC)`}
            summary={`Movements posted each day over the last ${CHART_DAYS} days, one line per kind; the table view lists the numbers.`}
            model={perDayModel}
            timeZone="UTC"
          />
        ) : (
          <Waiting query={perDay} label="Loading movements per day…" />
        )}
      </section>
      <section className="section" aria-labelledby="below-reorder-title">
        <div className="section__header">
          <h2 id="below-reorder-title">Items below reorder point</h2>
        </div>
        {lowModel ? (
          <>
            <TimeChart
              title={`Items at or below their reorder point, last ${CHART_DAYS} days (UTC)`}
              summary={`How many items were at or below their reorder point at the end of each of the last ${CHART_DAYS} days; the table view lists the numbers.`}
              model={lowModel}
              timeZone="UTC"
            />
            <p className="chart__note">
              Each day&rsquo;s stock comes from the ledger and is compared with today&rsquo;s
              reorder points: earlier reorder points are not kept.
            </p>
          </>
        ) : (
          <Waiting query={low} label="Loading low items per day…" />
        )}
      </section>
    </>
  );
}
