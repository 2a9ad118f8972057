import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { AuditAction, AuditEntry, CursorList } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';
import { toQueryString } from '@/lib/query-string';

export interface AuditFilters {
  action?: AuditAction;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** ISO timestamps. */
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;

/** GET /api/v1/audit (admin) — newest first, cursor-paginated. */
export function getAuditLog(
  filters: AuditFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CursorList<AuditEntry>> {
  return apiRequest<CursorList<AuditEntry>>(
    `/v1/audit${toQueryString({ ...filters, limit: PAGE_SIZE, cursor })}`,
    { signal },
  );
}

export function auditLogQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: [accountRoots.audit, 'list', filters],
    queryFn: ({ pageParam, signal }) => getAuditLog(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.page.nextCursor,
  });
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery(auditLogQueryOptions(filters));
}
