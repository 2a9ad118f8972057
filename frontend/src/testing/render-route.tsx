import { QueryClientProvider } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';
import { AppRoutes } from '../app/router';
import { createQueryClient, defaultQueryOptions } from '../lib/query-client';
import { AppRouter } from '../lib/router';

/**
 * Mounts the real route tree at `path`, with a fresh cache and no retry delays. A `#fragment`
 * goes to window.location.hash: wouter's locations carry path and search only, and pages read
 * the fragment (a set-password link's token) from the window, as in the browser.
 */
export function renderRoute(pathWithHash: string) {
  const [path = '/', fragment = ''] = pathWithHash.split('#');
  window.location.hash = fragment;
  const queryClient = createQueryClient({
    queries: { ...defaultQueryOptions.queries, retry: false },
  });
  const memory = memoryLocation({ path, record: true });
  const current = () => memory.history?.at(-1) ?? path;
  // The shape tests read (router.state.location), as react-router's memory router had it.
  const router = {
    state: {
      get location() {
        const [pathname = '/', search = ''] = current().split('?');
        return { pathname, search: search ? `?${search}` : '' };
      },
    },
    navigate: (to: string) => act(() => memory.navigate(to)),
  };
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <AppRouter hook={memory.hook} readState={() => memory.state}>
        <AppRoutes />
      </AppRouter>
    </QueryClientProvider>,
  );
  return { ...view, user, router, queryClient };
}
