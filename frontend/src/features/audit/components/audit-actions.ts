import { AUDIT_ACTIONS, type AuditAction } from '@/lib/api-types';

/**
 * Actions in words, for the filter and as a fallback description. Partial on purpose: an
 * action the API adds later (one line in the backend's AUDIT_ACTIONS) is listed and worded
 * from its name until it gets its own words here.
 */
const ACTION_LABELS: Partial<Record<AuditAction, string>> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Failed sign-in',
  'auth.logout': 'Signed out',
  'auth.password_changed': 'Changed own password',
  'auth.setup': 'First-run setup',
  'user.created': 'User added',
  'user.updated': 'User changed',
  'user.password_reset': 'Password reset',
  'user.sign_in_unlocked': 'Sign-in lock cleared',
  'token.created': 'API token created',
  'token.revoked': 'API token revoked',
  'token.disabled': 'API token disabled',
  'token.enabled': 'API token enabled',
  'settings.updated': 'Settings changed',
  'item.created': 'Item created',
  'item.updated': 'Item changed',
  'item.archived': 'Item archived',
  'item.unarchived': 'Item restored',
  'item.deleted': 'Item deleted',
  'location.created': 'Location created',
  'location.updated': 'Location changed',
  'location.archived': 'Location archived',
  'location.unarchived': 'Location restored',
  'location.deleted': 'Location deleted',
};

/** "webhook.delivery_failed" → "Webhook delivery failed", for actions without words above. */
function wordsOf(action: string): string {
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function actionLabel(action: AuditAction): string {
  return ACTION_LABELS[action] ?? wordsOf(action);
}

/** The filter's choices: every action in the OpenAPI document, in the API's order. */
export const ACTIONS: readonly AuditAction[] = AUDIT_ACTIONS;

/** Field names as the forms call them, for "changed the name and reorder point of …". */
export const FIELD_LABELS: Record<string, string> = {
  sku: 'SKU',
  name: 'name',
  description: 'description',
  unit: 'unit',
  barcode: 'barcode',
  reorderPoint: 'reorder point',
  category: 'category',
  code: 'code',
  parentId: 'parent',
  organisationName: 'organisation name',
  defaultUnit: 'default unit',
  highlightLowStock: 'low-stock highlighting',
  sessionIdleTimeoutMinutes: 'session idle timeout',
  email: 'email',
  role: 'role',
  active: 'active state',
};

export const ENTITY_LABELS: Record<string, string> = {
  user: 'Users',
  api_token: 'API tokens',
  settings: 'Settings',
  item: 'Items',
  location: 'Locations',
  session: 'Sessions',
};
