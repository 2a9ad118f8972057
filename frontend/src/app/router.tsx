import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from '../components/layout/app-layout';
import { RequirePermission } from '../components/require-permission';
import { paths } from '../config/paths';
import { SessionGuard } from '../features/auth/components/session-guard';
import { UserMenu } from '../features/auth/components/user-menu';
import { ChangePasswordRoute } from '../features/auth/routes/change-password-route';
import { SetupRoute } from '../features/auth/routes/setup-route';
import { SignInRoute } from '../features/auth/routes/sign-in-route';
import { ApiTokensRoute } from '../features/api-tokens/routes/api-tokens-route';
import { AuditRoute } from '../features/audit/routes/audit-route';
import { ItemDetailRoute } from '../features/items/routes/item-detail-route';
import { ItemsRoute } from '../features/items/routes/items-route';
import { NewItemRoute } from '../features/items/routes/new-item-route';
import { LocationDetailRoute } from '../features/locations/routes/location-detail-route';
import { LocationsRoute } from '../features/locations/routes/locations-route';
import { MovementsRoute } from '../features/movements/routes/movements-route';
import { NewMovementRoute } from '../features/movements/routes/new-movement-route';
import { SettingsRoute } from '../features/settings/routes/settings-route';
import { StatusRoute } from '../features/system/routes/status-route';
import { UsersRoute } from '../features/users/routes/users-route';
import { DashboardRoute } from './routes/dashboard-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './routes/route-error';

// Exported so tests can mount the same tree in a memory router.
export const routes: RouteObject[] = [
  // Before anyone is signed in: outside the guard and the app shell.
  { path: paths.signIn, element: <SignInRoute />, errorElement: <RouteError /> },
  { path: paths.setup, element: <SetupRoute />, errorElement: <RouteError /> },
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
        children: [
          { index: true, element: <DashboardRoute /> },
          { path: paths.items, element: <ItemsRoute /> },
          {
            path: paths.newItem,
            element: (
              <RequirePermission action="item.write">
                <NewItemRoute />
              </RequirePermission>
            ),
          },
          { path: `${paths.items}/:id`, element: <ItemDetailRoute /> },
          { path: paths.locations, element: <LocationsRoute /> },
          { path: `${paths.locations}/:id`, element: <LocationDetailRoute /> },
          { path: paths.movements, element: <MovementsRoute /> },
          {
            path: paths.newMovement,
            element: (
              <RequirePermission action="movement.record">
                <NewMovementRoute />
              </RequirePermission>
            ),
          },
          { path: paths.status, element: <StatusRoute /> },
          { path: paths.changePassword, element: <ChangePasswordRoute /> },
          {
            path: paths.users,
            element: (
              <RequirePermission action="user.manage">
                <UsersRoute />
              </RequirePermission>
            ),
          },
          {
            path: paths.apiTokens,
            element: (
              <RequirePermission action="apiToken.manage">
                <ApiTokensRoute />
              </RequirePermission>
            ),
          },
          {
            path: paths.audit,
            element: (
              <RequirePermission action="audit.view">
                <AuditRoute />
              </RequirePermission>
            ),
          },
          {
            path: paths.settings,
            element: (
              <RequirePermission action="settings.edit">
                <SettingsRoute />
              </RequirePermission>
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
