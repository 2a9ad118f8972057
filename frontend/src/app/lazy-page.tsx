import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import { useLocation } from '@/lib/router';
import { RouteError } from './routes/route-error';

/**
 * A page whose code is fetched when it is first visited (its own chunk: the entry stays
 * small, and the form layer loads with the pages that have forms).
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  return lazy(async () => ({ default: await load() }));
}

/** Page errors stay inside the shell; the next page (another path) tries again. */
export function PageBoundary({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary fallback={<RouteError />} resetKey={pathname}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </ErrorBoundary>
  );
}
