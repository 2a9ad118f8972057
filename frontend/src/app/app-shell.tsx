import { lazy, Suspense, type ComponentType } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import { AppLayout } from '@/components/layout/app-layout';
import { LoadingState } from '@/components/loading-state';
import { RequirePermission } from '@/components/require-permission';
import { paths } from '@/config/paths';
import { SessionGuard } from '@/features/auth/components/session-guard';
import { UserMenu } from '@/features/auth/components/user-menu';
import type { Action } from '@/lib/permissions';
import { Route, Switch } from '@/lib/router';
import { lazyPage, PageBoundary } from './lazy-page';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './routes/route-error';

// The app shell (layout, nav, user menu, session guard) and its pages: a chunk of its own,
// so the sign-in page, which has none of it, does not load it (decision 0019).

/** A lazy page; with ACTION, roles without it get the "No permission" page instead. */
function page(load: () => Promise<ComponentType>, action?: Action): ComponentType {
  const Page = lazyPage(load);
  if (!action) return Page;
  return function PermittedPage() {
    return (
      <RequirePermission action={action}>
        <Page />
      </RequirePermission>
    );
  };
}

const AlertPreferencesRoute = page(
  async () =>
    (await import('@/features/alerts/routes/alert-preferences-route')).AlertPreferencesRoute,
);
const EmailSettingsRoute = page(
  async () => (await import('@/features/mail/routes/email-settings-route')).EmailSettingsRoute,
  'settings.edit',
);
const DashboardRoute = page(async () => (await import('./routes/dashboard-route')).DashboardRoute);
const ItemsRoute = page(
  async () => (await import('@/features/items/routes/items-route')).ItemsRoute,
);
const NewItemRoute = page(
  async () => (await import('@/features/items/routes/new-item-route')).NewItemRoute,
  'item.write',
);
const ItemDetailRoute = page(
  async () => (await import('@/features/items/routes/item-detail-route')).ItemDetailRoute,
);
const LocationsRoute = page(
  async () => (await import('@/features/locations/routes/locations-route')).LocationsRoute,
);
const LocationDetailRoute = page(
  async () =>
    (await import('@/features/locations/routes/location-detail-route')).LocationDetailRoute,
);
const MovementsRoute = page(
  async () => (await import('@/features/movements/routes/movements-route')).MovementsRoute,
);
const NewMovementRoute = page(
  async () => (await import('@/features/movements/routes/new-movement-route')).NewMovementRoute,
  'movement.record',
);
const StatusRoute = page(
  async () => (await import('@/features/system/routes/status-route')).StatusRoute,
);
const ChangePasswordRoute = page(
  async () => (await import('@/features/auth/routes/change-password-route')).ChangePasswordRoute,
);
const UsersRoute = page(
  async () => (await import('@/features/users/routes/users-route')).UsersRoute,
  'user.manage',
);
const ApiTokensRoute = page(
  async () => (await import('@/features/api-tokens/routes/api-tokens-route')).ApiTokensRoute,
  'apiToken.manage',
);
const WebhooksRoute = page(
  async () => (await import('@/features/webhooks/routes/webhooks-route')).WebhooksRoute,
  'webhook.manage',
);
const AuditRoute = page(
  async () => (await import('@/features/audit/routes/audit-route')).AuditRoute,
  'audit.view',
);
const SettingsRoute = page(
  async () => (await import('@/features/settings/routes/settings-route')).SettingsRoute,
  'settings.edit',
);

// The bell's own chunk: the shell carries only this lazy wrapper.
const NotificationBell = lazy(async () => ({
  default: (await import('@/features/notifications/components/notification-bell')).NotificationBell,
}));

const headerEnd = (
  <>
    <Suspense fallback={null}>
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
      <Route path={paths.status} component={StatusRoute} />
      <Route path={paths.changePassword} component={ChangePasswordRoute} />
      <Route path={paths.alertPreferences} component={AlertPreferencesRoute} />
      <Route path={paths.users} component={UsersRoute} />
      <Route path={paths.apiTokens} component={ApiTokensRoute} />
      <Route path={paths.webhooks} component={WebhooksRoute} />
      <Route path={paths.audit} component={AuditRoute} />
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
