import { MutationCache, QueryCache, QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { ApiError, isSessionLost } from './api-errors';
import { meQueryKey } from './query-keys';

export const defaultQueryOptions = {
  queries: {
    staleTime: 30_000,
    // A 4xx will not fix itself; outages and 5xx might, so retry those a little.
    retry: (failureCount, error) => {
      if (error instanceof ApiError && error.status < 500) return false;
      return failureCount < 2;
    },
  },
} satisfies DefaultOptions;

/**
 * One place handles "the session is gone": any query or mutation that gets a 401 marks
 * nobody as signed in, and the session guard around the pages then sends the person to
 * /sign-in?next=<where they were>, so the deep link survives.
 */
export function createQueryClient(
  defaultOptions: DefaultOptions = defaultQueryOptions,
): QueryClient {
  const onError = (error: unknown) => {
    if (!isSessionLost(error)) return;
    queryClient.setQueryData(meQueryKey, null);
  };
  const queryClient: QueryClient = new QueryClient({
    defaultOptions,
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
  });
  return queryClient;
}
