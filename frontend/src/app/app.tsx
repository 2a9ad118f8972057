import { useState } from 'react';
import { createQueryClient } from '../lib/query-client';
import { AppRouter } from '../lib/router';
import { prefetchLandingPage } from './prefetch';
import { AppProvider } from './provider';
import { AppRoutes } from './router';

export function App() {
  // One client per app instance, created once so it survives re-renders.
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    prefetchLandingPage(client, window.location);
    return client;
  });
  return (
    <AppProvider queryClient={queryClient}>
      <AppRouter>
        <AppRoutes />
      </AppRouter>
    </AppProvider>
  );
}
