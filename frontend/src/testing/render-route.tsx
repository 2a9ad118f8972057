import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../app/router';
import { createQueryClient, defaultQueryOptions } from '../lib/query-client';

/** Mounts the real route tree at `path`, with a fresh cache and no retry delays. */
export function renderRoute(path: string) {
  const queryClient = createQueryClient({
    queries: { ...defaultQueryOptions.queries, retry: false },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, user, router, queryClient };
}
