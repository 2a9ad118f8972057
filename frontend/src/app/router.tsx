import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from '../components/layout/app-layout';
import { paths } from '../config/paths';
import { ItemDetailRoute } from '../features/items/routes/item-detail-route';
import { ItemsRoute } from '../features/items/routes/items-route';
import { NewItemRoute } from '../features/items/routes/new-item-route';
import { LocationDetailRoute } from '../features/locations/routes/location-detail-route';
import { LocationsRoute } from '../features/locations/routes/locations-route';
import { MovementsRoute } from '../features/movements/routes/movements-route';
import { NewMovementRoute } from '../features/movements/routes/new-movement-route';
import { StatusRoute } from '../features/system/routes/status-route';
import { DashboardRoute } from './routes/dashboard-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './routes/route-error';

// Exported so tests can mount the same tree in a memory router.
export const routes: RouteObject[] = [
  {
    path: paths.home,
    element: <AppLayout />,
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
          { path: paths.newItem, element: <NewItemRoute /> },
          { path: `${paths.items}/:id`, element: <ItemDetailRoute /> },
          { path: paths.locations, element: <LocationsRoute /> },
          { path: `${paths.locations}/:id`, element: <LocationDetailRoute /> },
          { path: paths.movements, element: <MovementsRoute /> },
          { path: paths.newMovement, element: <NewMovementRoute /> },
          { path: paths.status, element: <StatusRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
