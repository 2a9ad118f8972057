import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { components } from '@/lib/api-schema.gen';
import { queryRoots } from '@/lib/query-keys';

export type MovementsPerDay = components['schemas']['MovementsPerDay'];
export type BelowReorderPerDay = components['schemas']['BelowReorderPerDay'];

/** The dashboard's window: four weeks, ending today (UTC days). */
export const CHART_DAYS = 28;

export function useMovementsPerDay() {
  return useQuery(
    queryOptions({
      queryKey: [queryRoots.movements, 'per-day', CHART_DAYS],
      queryFn: ({ signal }) =>
        apiRequest<MovementsPerDay>(`/v1/charts/movements-per-day?days=${CHART_DAYS}`, { signal }),
    }),
  );
}

export function useBelowReorderPerDay() {
  return useQuery(
    queryOptions({
      queryKey: [queryRoots.stock, 'below-reorder-per-day', CHART_DAYS],
      queryFn: ({ signal }) =>
        apiRequest<BelowReorderPerDay>(`/v1/charts/below-reorder-point?days=${CHART_DAYS}`, {
          signal,
        }),
    }),
  );
}
