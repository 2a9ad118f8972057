import type { ReactNode } from 'react';
import { Link } from '@/lib/router';
import { paths } from '../config/paths';
import { useCan } from '../hooks/use-current-user';
import { actionDescriptions, type Action } from '../lib/permissions';
import { EmptyState } from './empty-state';
import { Page } from './page';

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
