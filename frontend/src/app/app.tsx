import { useState } from 'react';
// From react-router itself (not react-router/dom, which only adds flushSync, unused here):
// one copy of the router's context in the app and in tests.
import { RouterProvider } from 'react-router';
import { createQueryClient } from '../lib/query-client';
import { prefetchLandingPage } from './prefetch';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

export function App() {
  // One client and router per app instance, created once so they survive re-renders.
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    prefetchLandingPage(client, window.location);
    return client;
  });
  const [router] = useState(createAppRouter);
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
