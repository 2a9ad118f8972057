import { defineRoute } from '../../lib/http/define-route';
import type { RouteContext } from '../../lib/http/route-context';
import { auditPage, listAuditQuery } from './audit.schemas';
import * as audit from './audit.service';

export const auditRoutes = ({ db }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/audit',
    operationId: 'listAuditEntries',
    tag: 'Audit',
    access: 'admin',
    summary: 'The audit trail, newest first, with filters and cursor pagination',
    query: listAuditQuery,
    response: auditPage,
    handler: ({ query }) => audit.listAudit(db, query),
  }),
];
