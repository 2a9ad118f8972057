import { defineRoute } from '../../lib/http/define-route';
import type { RouteContext } from '../../lib/http/route-context';
import { reconciliationSchema } from './reconciliation.schemas';
import { reconcile } from './reconciliation.service';

export const reconciliationRoutes = ({ db }: RouteContext) => [
  defineRoute({
    method: 'post',
    path: '/reconciliation',
    operationId: 'runReconciliation',
    tag: 'Reconciliation',
    access: 'admin',
    summary: 'Prove the books: balances, totals, history, roll-ups and item counts',
    description:
      'Reads the whole ledger (seconds at a million movements); one run at a time. ' +
      'The same checks as `node dist/cli/reconcile.js`.',
    response: reconciliationSchema,
    errors: [409],
    handler: () => reconcile(db),
  }),
];
