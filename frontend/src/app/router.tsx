import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { ErrorBoundary } from '../components/error-boundary';
import { AppLayout } from '../components/layout/app-layout';
import { LoadingState } from '../components/loading-state';
import { RequirePermission } from '../components/require-permission';
import { paths } from '../config/paths';
import { SessionGuard } from '../features/auth/components/session-guard';
import { UserMenu } from '../features/auth/components/user-menu';
import type { Action } from '../lib/permissions';
import { Route, Switch, useLocation } from '../lib/router';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './routes/route-error';

// The bell's own chunk: the first page's script carries only this lazy wrapper.
const NotificationBell = lazy(async () => ({
  default: (await import('../features/notifications/components/notification-bell'))
    .NotificationBell,
}));

const headerEnd = (
  <>
    <Suspense fallback={null}>
      <NotificationBell />
    </Suspense>
    <UserMenu />
  </>
);

/**
 * A page whose code is fetched when it is first visited (its own chunk: the entry stays the
 * shell, and the form layer loads with the pages that have forms). With ACTION, roles
 * without it get the "No permission" page instead.
 */
function page(load: () => Promise<ComponentType>, action?: Action): ComponentType {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return action ? (
      <RequirePermission action={action}>
        <Page />
      </RequirePermission>
    ) : (
      <Page />
    );
  };
}

const SignInRoute = page(
  async () => (await import('../features/auth/routes/sign-in-route')).SignInRoute,
);
const SetupRoute = page(
  async () => (await import('../features/auth/routes/setup-route')).SetupRoute,
);
const ForgotPasswordRoute = page(
  async () => (await import('../features/auth/routes/forgot-password-route')).ForgotPasswordRoute,
);
const SetPasswordRoute = page(
  async () => (await import('../features/auth/routes/set-password-route')).SetPasswordRoute,
);
const AlertPreferencesRoute = page(
  async () =>
    (await import('../features/alerts/routes/alert-preferences-route')).AlertPreferencesRoute,
);
const EmailSettingsRoute = page(
  async () => (await import('../features/mail/routes/email-settings-route')).EmailSettingsRoute,
  'settings.edit',
);
const DashboardRoute = page(async () => (await import('./routes/dashboard-route')).DashboardRoute);
const ItemsRoute = page(
  async () => (await import('../features/items/routes/items-route')).ItemsRoute,
);
const NewItemRoute = page(
  async () => (await import('../features/items/routes/new-item-route')).NewItemRoute,
  'item.write',
);
const ItemDetailRoute = page(
  async () => (await import('../features/items/routes/item-detail-route')).ItemDetailRoute,
);
const LocationsRoute = page(
  async () => (await import('../features/locations/routes/locations-route')).LocationsRoute,
);
const LocationDetailRoute = page(
  async () =>
    (await import('../features/locations/routes/location-detail-route')).LocationDetailRoute,
);
const MovementsRoute = page(
  async () => (await import('../features/movements/routes/movements-route')).MovementsRoute,
);
const NewMovementRoute = page(
  async () => (await import('../features/movements/routes/new-movement-route')).NewMovementRoute,
  'movement.record',
);
const StatusRoute = page(
  async () => (await import('../features/system/routes/status-route')).StatusRoute,
);
const ChangePasswordRoute = page(
  async () => (await import('../features/auth/routes/change-password-route')).ChangePasswordRoute,
);
const UsersRoute = page(
  async () => (await import('../features/users/routes/users-route')).UsersRoute,
  'user.manage',
);
const ApiTokensRoute = page(
  async () => (await import('../features/api-tokens/routes/api-tokens-route')).ApiTokensRoute,
  'apiToken.manage',
);
const WebhooksRoute = page(
  async () => (await import('../features/webhooks/routes/webhooks-route')).WebhooksRoute,
  'webhook.manage',
);
const AuditRoute = page(
  async () => (await import('../features/audit/routes/audit-route')).AuditRoute,
  'audit.view',
);
const SettingsRoute = page(
  async () => (await import('../features/settings/routes/settings-route')).SettingsRoute,
  'settings.edit',
);

/** Page errors stay inside the shell; the next page (another path) tries again. */
function PageBoundary({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary fallback={<RouteError />} resetKey={pathname}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </ErrorBoundary>
  );
}

// While a page's chunk loads: before sign-in, the look of the auth screens; inside the app,
// the shell and session guard stay and this fills the page area.
const authFallback = (
  <div className="auth-screen">
    <LoadingState />
  </div>
);
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

/** Every route; mounted by the app with the browser's location and by tests with a memory one. */
export function AppRoutes() {
  return (
    <Switch>
      {/* Before anyone is signed in: outside the guard and the app shell. */}
      <Route path={paths.signIn}>
        <PageBoundary fallback={authFallback}>
          <SignInRoute />
        </PageBoundary>
      </Route>
      <Route path={paths.setup}>
        <PageBoundary fallback={authFallback}>
          <SetupRoute />
        </PageBoundary>
      </Route>
      <Route path={paths.forgotPassword}>
        <PageBoundary fallback={authFallback}>
          <ForgotPasswordRoute />
        </PageBoundary>
      </Route>
      {/* Reached from invitation and reset emails, signed in or not. */}
      <Route path={paths.setPassword}>
        <PageBoundary fallback={authFallback}>
          <SetPasswordRoute />
        </PageBoundary>
      </Route>
      {/* Every app page sits behind the session guard, which also provides the user's role. */}
      <Route>
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
      </Route>
    </Switch>
  );
}
