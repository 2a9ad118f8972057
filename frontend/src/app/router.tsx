import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from '../components/layout/app-layout';
import { LoadingState } from '../components/loading-state';
import { RequirePermission } from '../components/require-permission';
import { paths } from '../config/paths';
import { SessionGuard } from '../features/auth/components/session-guard';
import { UserMenu } from '../features/auth/components/user-menu';
import type { Action } from '../lib/permissions';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './routes/route-error';

/**
 * A page whose code is fetched when it is first visited (its own chunk: the entry stays the
 * shell, and the form layer loads with the pages that have forms). The router waits for the
 * chunk before it commits the navigation, so the old page stays up meanwhile. With ACTION,
 * roles without it get the "No permission" page instead.
 */
function page(load: () => Promise<ComponentType>, action?: Action): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Page = await load();
      return {
        element: action ? (
          <RequirePermission action={action}>
            <Page />
          </RequirePermission>
        ) : (
          <Page />
        ),
      };
    },
  };
}

// While the first page's chunk loads: before sign-in, the look of the auth screens; inside
// the app, the shell and session guard render at once and this fills the page area.
const authFallback = (
  <div className="auth-screen">
    <LoadingState />
  </div>
);
const pageFallback = <LoadingState />;

// Exported so tests can mount the same tree in a memory router.
export const routes: RouteObject[] = [
  // Before anyone is signed in: outside the guard and the app shell.
  {
    path: paths.signIn,
    errorElement: <RouteError />,
    hydrateFallbackElement: authFallback,
    ...page(async () => (await import('../features/auth/routes/sign-in-route')).SignInRoute),
  },
  {
    path: paths.setup,
    errorElement: <RouteError />,
    hydrateFallbackElement: authFallback,
    ...page(async () => (await import('../features/auth/routes/setup-route')).SetupRoute),
  },
  {
    path: paths.forgotPassword,
    errorElement: <RouteError />,
    hydrateFallbackElement: authFallback,
    ...page(
      async () =>
        (await import('../features/auth/routes/forgot-password-route')).ForgotPasswordRoute,
    ),
  },
  {
    // Reached from invitation and reset emails, signed in or not.
    path: paths.setPassword,
    errorElement: <RouteError />,
    hydrateFallbackElement: authFallback,
    ...page(
      async () => (await import('../features/auth/routes/set-password-route')).SetPasswordRoute,
    ),
  },
  {
    path: paths.home,
    // Every app page sits behind the session guard, which also provides the user's role.
    element: (
      <SessionGuard>
        <AppLayout headerEnd={<UserMenu />} />
      </SessionGuard>
    ),
    // Outer boundary for a broken shell; the inner one keeps page errors inside the shell.
    errorElement: (
      <AppLayout>
        <RouteError />
      </AppLayout>
    ),
    children: [
      {
        errorElement: <RouteError />,
        hydrateFallbackElement: pageFallback,
        children: [
          {
            index: true,
            ...page(async () => (await import('./routes/dashboard-route')).DashboardRoute),
          },
          {
            path: paths.items,
            ...page(async () => (await import('../features/items/routes/items-route')).ItemsRoute),
          },
          {
            path: paths.newItem,
            ...page(
              async () => (await import('../features/items/routes/new-item-route')).NewItemRoute,
              'item.write',
            ),
          },
          {
            path: `${paths.items}/:id`,
            ...page(
              async () =>
                (await import('../features/items/routes/item-detail-route')).ItemDetailRoute,
            ),
          },
          {
            path: paths.locations,
            ...page(
              async () =>
                (await import('../features/locations/routes/locations-route')).LocationsRoute,
            ),
          },
          {
            path: `${paths.locations}/:id`,
            ...page(
              async () =>
                (await import('../features/locations/routes/location-detail-route'))
                  .LocationDetailRoute,
            ),
          },
          {
            path: paths.movements,
            ...page(
              async () =>
                (await import('../features/movements/routes/movements-route')).MovementsRoute,
            ),
          },
          {
            path: paths.newMovement,
            ...page(
              async () =>
                (await import('../features/movements/routes/new-movement-route')).NewMovementRoute,
              'movement.record',
            ),
          },
          {
            path: paths.status,
            ...page(
              async () => (await import('../features/system/routes/status-route')).StatusRoute,
            ),
          },
          {
            path: paths.changePassword,
            ...page(
              async () =>
                (await import('../features/auth/routes/change-password-route')).ChangePasswordRoute,
            ),
          },
          {
            path: paths.alertPreferences,
            ...page(
              async () =>
                (await import('../features/alerts/routes/alert-preferences-route'))
                  .AlertPreferencesRoute,
            ),
          },
          {
            path: paths.users,
            ...page(
              async () => (await import('../features/users/routes/users-route')).UsersRoute,
              'user.manage',
            ),
          },
          {
            path: paths.apiTokens,
            ...page(
              async () =>
                (await import('../features/api-tokens/routes/api-tokens-route')).ApiTokensRoute,
              'apiToken.manage',
            ),
          },
          {
            path: paths.audit,
            ...page(
              async () => (await import('../features/audit/routes/audit-route')).AuditRoute,
              'audit.view',
            ),
          },
          {
            path: paths.settings,
            ...page(
              async () =>
                (await import('../features/settings/routes/settings-route')).SettingsRoute,
              'settings.edit',
            ),
          },
          {
            path: paths.emailSettings,
            ...page(
              async () =>
                (await import('../features/mail/routes/email-settings-route')).EmailSettingsRoute,
              'settings.edit',
            ),
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
