import type { MovementKind } from '../lib/api-types';

// Route paths in one place so links and the router cannot drift apart.
export const paths = {
  home: '/',
  items: '/items',
  /** Items at or below their reorder point, the furthest below first. */
  lowStockItems: '/items?lowStock=1&sort=shortfall',
  newItem: '/items/new',
  /** The new-item form with the barcode filled in (a scanned code no item has yet). */
  newItemWithBarcode: (barcode: string) => `/items/new?barcode=${encodeURIComponent(barcode)}`,
  item: (id: string | number) => `/items/${encodeURIComponent(id)}`,
  locations: '/locations',
  location: (id: string | number) => `/locations/${encodeURIComponent(id)}`,
  /** The locations page with the new-location form open, inside PARENTID when given. */
  newLocation: (parentId?: number) =>
    `/locations?new=1${parentId === undefined ? '' : `&parentId=${parentId}`}`,
  movements: '/movements',
  newMovement: '/movements/new',
  movementForm: (kind: MovementKind, itemId?: number) =>
    `/movements/new?kind=${kind}${itemId === undefined ? '' : `&itemId=${itemId}`}`,
  counts: '/counts',
  countSession: (id: number) => `/counts/${id}`,
  countReview: (id: number) => `/counts/${id}/review`,
  /** Bring items, locations and opening stock in from a CSV or XLSX file (issue 13). */
  imports: '/imports',
  status: '/status',
  /** Cycle counting: stock not counted for N days (issue 14). */
  notCounted: '/reports/not-counted',
  signIn: '/sign-in',
  /** The sign-in page, coming back to `next` (path + search + hash) afterwards. */
  signInThenTo: (next: string) =>
    next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in',
  setup: '/setup',
  changePassword: '/account/password',
  alertPreferences: '/account/alerts',
  /** "Forgot password?" from the sign-in page. */
  forgotPassword: '/forgot-password',
  /** Where emailed invitation and reset links land (the token is in the #fragment). */
  setPassword: '/set-password',
  users: '/admin/users',
  apiTokens: '/admin/api-tokens',
  webhooks: '/admin/webhooks',
  audit: '/admin/audit',
  reconciliation: '/admin/reconciliation',
  settings: '/admin/settings',
  emailSettings: '/admin/email',
} as const;

/**
 * Where to go after signing in: only a path on this site (never `//evil.example` or a full
 * URL), so a crafted ?next= cannot send someone elsewhere.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return paths.home;
  }
  return next;
}
