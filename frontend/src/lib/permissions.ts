import type { Role } from './api-types';

// Every role rule the UI knows, in one place. The server enforces the same table (see
// docs/api/accounts-contract.md); the UI uses it only to avoid offering what would be refused.
const RANK: Record<Role, number> = { viewer: 0, operator: 1, manager: 2, admin: 3 };

const MINIMUM_ROLE = {
  /** Record a movement or reverse one. */
  'movement.record': 'operator',
  /** Create, edit, archive, unarchive and delete items. */
  'item.write': 'manager',
  /** Create, edit, move, archive, unarchive and delete locations. */
  'location.write': 'manager',
  /** Open, review, approve and cancel count sessions (counting is movement.record). */
  'count.manage': 'manager',
  'user.manage': 'admin',
  'apiToken.manage': 'admin',
  'webhook.manage': 'admin',
  'audit.view': 'admin',
  /** Prove the books against the ledger (reads all of it). */
  'reconciliation.run': 'admin',
  'settings.edit': 'admin',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof MINIMUM_ROLE;

export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role) return false;
  return RANK[role] >= RANK[MINIMUM_ROLE[action]];
}

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Manager',
  operator: 'Operator',
  viewer: 'Viewer',
};
