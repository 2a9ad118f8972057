import { QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { ApiError } from './api-errors';

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

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: defaultQueryOptions });
}
