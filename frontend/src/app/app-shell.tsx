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

const AlertPreferencesRoute = page('alertPreferences');
const EmailSettingsRoute = page('emailSettings');
const ItemsRoute = page('items');
const NewItemRoute = page('newItem');
const ItemDetailRoute = page('itemDetail');
const LocationsRoute = page('locations');
const LocationDetailRoute = page('locationDetail');
const MovementsRoute = page('movements');
const NewMovementRoute = page('newMovement');
const CountsRoute = page('counts');
const CountSessionRoute = page('countSession');
const CountReviewRoute = page('countReview');
const ImportRoute = page('imports');
const StatusRoute = page('status');
const NotCountedRoute = page('notCounted');
const ChangePasswordRoute = page('changePassword');
const UsersRoute = page('users');
const ApiTokensRoute = page('apiTokens');
const WebhooksRoute = page('webhooks');
const AuditRoute = page('audit');
const ReconciliationRoute = page('reconciliation');
const SettingsRoute = page('settings');
const NotFoundRoute = page('notFound');

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

function AppPages() {
  return (
    <Switch>
      <Route path={paths.home} component={DashboardRoute} />
      <Route path={paths.items} component={ItemsRoute} />
      <Route path={paths.newItem} component={NewItemRoute} />
      <Route path={`${paths.items}/:id`} component={ItemDetailRoute} />
      <Route path={paths.locations} component={LocationsRoute} />
      <Route path={`${paths.locations}/:id`} component={LocationDetailRoute} />
      <Route path={paths.movements} component={MovementsRoute} />
      <Route path={paths.newMovement} component={NewMovementRoute} />
      <Route path={paths.counts} component={CountsRoute} />
      <Route path={`${paths.counts}/:id/review`} component={CountReviewRoute} />
      <Route path={`${paths.counts}/:id`} component={CountSessionRoute} />
      <Route path={paths.imports} component={ImportRoute} />
      <Route path={paths.status} component={StatusRoute} />
      <Route path={paths.notCounted} component={NotCountedRoute} />
      <Route path={paths.changePassword} component={ChangePasswordRoute} />
      <Route path={paths.alertPreferences} component={AlertPreferencesRoute} />
      <Route path={paths.users} component={UsersRoute} />
      <Route path={paths.apiTokens} component={ApiTokensRoute} />
      <Route path={paths.webhooks} component={WebhooksRoute} />
      <Route path={paths.audit} component={AuditRoute} />
      <Route path={paths.reconciliation} component={ReconciliationRoute} />
      <Route path={paths.settings} component={SettingsRoute} />
      <Route path={paths.emailSettings} component={EmailSettingsRoute} />
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
