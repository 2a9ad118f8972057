import type { ReactNode } from 'react';
import { Link } from '@/lib/router';
import { paths } from '../config/paths';
import { useCan } from '../hooks/use-current-user';
import type { Action } from '../lib/permissions';
import { EmptyState } from './empty-state';
import { Page } from './page';

// What each action is called in "You don't have permission to …" (here, its only use: the
// shell's first load does without it).
const actionDescriptions: Record<Action, string> = {
  'movement.record': 'record movements',
  'item.write': 'change items',
  'location.write': 'change locations',
  'count.manage': 'review and approve counts',
  'user.manage': 'manage users',
  'apiToken.manage': 'manage API tokens',
  'webhook.manage': 'manage webhooks',
  'audit.view': 'view the audit log',
  'reconciliation.run': 'check the books',
  'settings.edit': 'change settings',
};

/**
 * Renders a page only for roles allowed to use it; anyone else (e.g. following an old link)
 * is told plainly instead of seeing a form the server would refuse.
 */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const allowed = useCan();
  if (allowed(action)) return children;
  return (
    <Page title="No permission">
      <EmptyState title={`You don't have permission to ${actionDescriptions[action]}`}>
        <p>Ask an administrator if you need it.</p>
        <p>
          <Link to={paths.home}>Go to the dashboard</Link>
        </p>
      </EmptyState>
    </Page>
  );
}
