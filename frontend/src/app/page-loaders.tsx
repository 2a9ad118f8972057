import type { ComponentType } from 'react';
import { RequirePermission } from '@/components/require-permission';
import type { Action } from '@/lib/permissions';
import { lazyPage } from './lazy-page';

type Loader = () => Promise<ComponentType>;

/**
 * A page only roles with ACTION may see: anyone else gets the "No permission" page, and the
 * page's own chunk is not fetched for them.
 */
function permitted(load: Loader, action: Action): Loader {
  const Page = lazyPage(load);
  function PermittedPage() {
    return (
      <RequirePermission action={action}>
        <Page />
      </RequirePermission>
    );
  }
  return () => Promise.resolve(PermittedPage);
}

/**
 * The app pages' code, one lazy import each (the dashboard's is in the shell), and who may
 * see each. Before each import Vite writes the list of the chunks that page needs, so they
 * are fetched at once and not one import level after another; those lists are about 1 kB
 * (gzip) of file names. This module is a chunk of its own that the shell asks for as it
 * starts: the lists are not in the dashboard's first load, and a page opened later still
 * loads in one step (decision 0019).
 */
export const pageLoaders = {
  alertPreferences: async () =>
    (await import('@/features/alerts/routes/alert-preferences-route')).AlertPreferencesRoute,
  emailSettings: permitted(
    async () => (await import('@/features/mail/routes/email-settings-route')).EmailSettingsRoute,
    'settings.edit',
  ),
  items: async () => (await import('@/features/items/routes/items-route')).ItemsRoute,
  newItem: permitted(
    async () => (await import('@/features/items/routes/new-item-route')).NewItemRoute,
    'item.write',
  ),
  itemDetail: async () =>
    (await import('@/features/items/routes/item-detail-route')).ItemDetailRoute,
  locations: async () =>
    (await import('@/features/locations/routes/locations-route')).LocationsRoute,
  locationDetail: async () =>
    (await import('@/features/locations/routes/location-detail-route')).LocationDetailRoute,
  movements: async () =>
    (await import('@/features/movements/routes/movements-route')).MovementsRoute,
  newMovement: permitted(
    async () => (await import('@/features/movements/routes/new-movement-route')).NewMovementRoute,
    'movement.record',
  ),
  counts: async () => (await import('@/features/counts/routes/counts-route')).CountsRoute,
  countSession: permitted(
    async () => (await import('@/features/counts/routes/count-session-route')).CountSessionRoute,
    'movement.record',
  ),
  countReview: permitted(
    async () => (await import('@/features/counts/routes/count-review-route')).CountReviewRoute,
    'count.manage',
  ),
  imports: permitted(
    async () => (await import('@/features/imports/routes/import-route')).ImportRoute,
    // Import creates and updates items: the same managers (the server's access is 'manager').
    'item.write',
  ),
  status: async () => (await import('@/features/system/routes/status-route')).StatusRoute,
  notCounted: async () =>
    (await import('@/features/verification/routes/stale-counts-route')).StaleCountsRoute,
  changePassword: async () =>
    (await import('@/features/auth/routes/change-password-route')).ChangePasswordRoute,
  users: permitted(
    async () => (await import('@/features/users/routes/users-route')).UsersRoute,
    'user.manage',
  ),
  apiTokens: permitted(
    async () => (await import('@/features/api-tokens/routes/api-tokens-route')).ApiTokensRoute,
    'apiToken.manage',
  ),
  webhooks: permitted(
    async () => (await import('@/features/webhooks/routes/webhooks-route')).WebhooksRoute,
    'webhook.manage',
  ),
  audit: permitted(
    async () => (await import('@/features/audit/routes/audit-route')).AuditRoute,
    'audit.view',
  ),
  reconciliation: permitted(
    async () =>
      (await import('@/features/reconciliation/routes/reconciliation-route')).ReconciliationRoute,
    'reconciliation.run',
  ),
  settings: permitted(
    async () => (await import('@/features/settings/routes/settings-route')).SettingsRoute,
    'settings.edit',
  ),
  notFound: async () => (await import('./routes/not-found-route')).NotFoundRoute,
} satisfies Record<string, Loader>;

export type PageName = keyof typeof pageLoaders;
