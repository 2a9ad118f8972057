import { QueryClientProvider } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';
import { AppRoutes } from '../app/router';
import { createQueryClient, defaultQueryOptions } from '../lib/query-client';
import { AppRouter } from '../lib/router';

/** Mounts the real route tree at `path`, with a fresh cache and no retry delays. */
export function renderRoute(pathWithHash: string) {
  // A memory location has no #fragment, and useLocation().hash reads the window's (as in the
  // browser): put the fragment there and route on the rest (e.g. /set-password#token=…).
  const [path = '/', hash] = pathWithHash.split('#');
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${window.location.search}${hash === undefined ? '' : `#${hash}`}`,
  );
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
