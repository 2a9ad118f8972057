import { lazy, Suspense, type ComponentType } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import { AppLayout } from '@/components/layout/app-layout';
import { LoadingState } from '@/components/loading-state';
import { paths } from '@/config/paths';
import { SessionGuard } from '@/features/auth/components/session-guard';
import { UserMenu } from '@/features/auth/components/user-menu';
import { Route, Switch } from '@/lib/router';
import { lazyPage, PageBoundary } from './lazy-page';
import type { PageName } from './page-loaders';
import { DashboardRoute } from './routes/dashboard-route';
import { RouteError } from './routes/route-error';

// The app shell (layout, nav, user menu, session guard), the dashboard (the page people land
// on) and the other pages' lazy table: a chunk of its own, so the sign-in page, which has
// none of it, does not load it (decision 0019).

// The other pages' lazy imports (page-loaders.ts), asked for as the shell starts.
const loaders = import('./page-loaders');
// A chunk that fails to load is the page boundary's to show, when a page asks for it.
loaders.catch(() => undefined);

/** A page from page-loaders.ts (which also holds who may see it). */
function page(name: PageName): ComponentType {
  return lazyPage(async () => (await loaders).pageLoaders[name]());
}

// The bell's own chunk: the shell carries only this lazy wrapper.
const NotificationBell = lazy(async () => ({
  default: (await import('@/features/notifications/components/notification-bell')).NotificationBell,
}));

const headerEnd = (
  <>
    {/* The bell's place is kept while it loads: arriving, it would push a nav link to a new line. */}
    <Suspense fallback={<span className="app-header__bell-slot" aria-hidden="true" />}>
      <NotificationBell />
    </Suspense>
    <UserMenu />
  </>
);

// While a page's chunk loads, the shell and session guard stay and this fills the page area.
const pageFallback = <LoadingState />;

// Path → page, in the order the switch tries them (a table: smaller in the first load than a
// line of JSX and a constant per page).
const PAGES: [path: string, page: PageName][] = [
  [paths.items, 'items'],
  [paths.newItem, 'newItem'],
  [`${paths.items}/:id`, 'itemDetail'],
  [paths.locations, 'locations'],
  [`${paths.locations}/:id`, 'locationDetail'],
  [paths.movements, 'movements'],
  [paths.newMovement, 'newMovement'],
  [paths.counts, 'counts'],
  [`${paths.counts}/:id/review`, 'countReview'],
  [`${paths.counts}/:id`, 'countSession'],
  [paths.imports, 'imports'],
  [paths.status, 'status'],
  [paths.notCounted, 'notCounted'],
  [paths.changePassword, 'changePassword'],
  [paths.alertPreferences, 'alertPreferences'],
  [paths.users, 'users'],
  [paths.apiTokens, 'apiTokens'],
  [paths.webhooks, 'webhooks'],
  [paths.audit, 'audit'],
  [paths.reconciliation, 'reconciliation'],
  [paths.settings, 'settings'],
  [paths.emailSettings, 'emailSettings'],
];

// Made once: a page component made on every render would remount the page each time.
const pageRoutes = PAGES.map(([path, name]) => (
  <Route key={path} path={path} component={page(name)} />
));
const NotFoundRoute = page('notFound');

function AppPages() {
  return (
    <Switch>
      <Route path={paths.home} component={DashboardRoute} />
      {pageRoutes}
      <Route component={NotFoundRoute} />
    </Switch>
  );
}

/** Every app page, behind the session guard (which also provides the user's role). */
export function AppShell() {
  return (
    <ErrorBoundary
      fallback={
        <AppLayout>
          <RouteError />
        </AppLayout>
      }
    >
      <SessionGuard>
        <AppLayout headerEnd={headerEnd}>
          <PageBoundary fallback={pageFallback}>
            <AppPages />
          </PageBoundary>
        </AppLayout>
      </SessionGuard>
    </ErrorBoundary>
  );
}
