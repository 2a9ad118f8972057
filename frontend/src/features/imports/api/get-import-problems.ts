import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { ImportProblemPage } from '@/lib/api-types';
import { importProblemsKey } from './import-keys';

const PAGE = 100;

/** GET /api/v1/imports/:id/problems, one cursor page (after = the last page's nextAfter). */
export function getImportProblems(
  id: number,
  after: number | undefined,
  signal?: AbortSignal,
): Promise<ImportProblemPage> {
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (after !== undefined) query.set('after', String(after));
  return apiRequest<ImportProblemPage>(`/v1/imports/${id}/problems?${query.toString()}`, {
    signal,
  });
}

/** VERSION (the import's updatedAt) starts over after a new mapping or a finished run. */
export function useImportProblems(id: number, version: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: importProblemsKey(id, version),
    queryFn: ({ pageParam, signal }) => getImportProblems(id, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.page.nextAfter ?? undefined,
    enabled,
  });
}
