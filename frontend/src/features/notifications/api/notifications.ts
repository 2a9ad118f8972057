import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { NotificationPage, NotificationUnreadCount } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';
import { toQueryString } from '@/lib/query-string';

const root = [accountRoots.notifications] as const;
const countKey = [...root, 'unread-count'] as const;
const listKey = [...root, 'list'] as const;

/** How often the bell asks (a modest poll: a crossing shows within a minute, no push needed). */
export const POLL_MS = 60_000;
const PAGE_SIZE = 20;

/** GET /api/v1/notifications/unread-count, polled while the tab is visible. */
export function useUnreadCount() {
  return useQuery({
    queryKey: countKey,
    queryFn: ({ signal }) =>
      apiRequest<NotificationUnreadCount>('/v1/notifications/unread-count', { signal }),
    refetchInterval: POLL_MS,
  });
}

/** GET /api/v1/notifications, newest first, a page at a time (only while the panel is open). */
export function useNotifications(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: listKey,
    enabled,
    queryFn: ({ pageParam, signal }) =>
      apiRequest<NotificationPage>(
        `/v1/notifications${toQueryString({ limit: PAGE_SIZE, before: pageParam })}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.nextCursor,
    refetchInterval: enabled ? POLL_MS : false,
  });
}

const refresh = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: root });

/** POST /api/v1/notifications/read for some ids. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) =>
      apiRequest<void>('/v1/notifications/read', { method: 'POST', body: { ids } }),
    onSettled: () => refresh(queryClient),
  });
}

/** POST /api/v1/notifications/read-all. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/v1/notifications/read-all', { method: 'POST' }),
    onSettled: () => refresh(queryClient),
  });
}
