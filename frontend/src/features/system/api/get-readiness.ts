import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { ApiError } from '@/lib/api-errors';

/** One dependency check from GET /api/ready; extra fields depend on the check. */
export interface ReadinessCheck {
  status: 'ok' | 'error' | 'unknown';
  error?: string;
  /** migrations only: the newest applied migration. */
  current?: string | null;
  /** migrations only: how many are waiting to run. */
  pending?: number;
}

export type ReadinessChecks = Record<string, ReadinessCheck>;

/** 200 body of GET /api/ready; a 503 is folded into the same shape as `not_ready`. */
export interface Readiness {
  status: 'ready' | 'not_ready';
  checks: ReadinessChecks;
  detail?: string | undefined;
}

export async function getReadiness(signal?: AbortSignal): Promise<Readiness> {
  try {
    return await apiRequest<Readiness>('/ready', { signal });
  } catch (error) {
    // "Not ready" is an answer, not a failure: the 503 problem still carries per-check
    // results, which are exactly what someone on the status page needs to see.
    const checks = error instanceof ApiError ? error.problem.checks : undefined;
    if (error instanceof ApiError && error.status === 503 && typeof checks === 'object' && checks) {
      return { status: 'not_ready', checks: checks as ReadinessChecks, detail: error.detail };
    }
    throw error;
  }
}

export const readinessQueryOptions = queryOptions({
  queryKey: ['system', 'readiness'],
  queryFn: ({ signal }) => getReadiness(signal),
  refetchInterval: 10_000,
});

export function useReadiness() {
  return useQuery(readinessQueryOptions);
}
