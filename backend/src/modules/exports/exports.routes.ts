import { defineRoute } from '../../lib/http/define-route';
import type { RouteContext } from '../../lib/http/route-context';
import { MEDIA_TYPES } from '../../lib/export/send-export';
import {
  exportAuditQuery,
  exportItemsQuery,
  exportMovementsQuery,
  exportStockQuery,
} from './exports.schemas';
import * as exportsService from './exports.service';

const tag = 'Exports';
const produces = (what: string) => ({
  mediaType: Object.values(MEDIA_TYPES),
  description:
    `${what} as a file download (Content-Disposition: attachment), streamed as it is read: ` +
    'CSV (format=csv) or XLSX (format=xlsx). Text cells starting with = + - @ tab or CR are ' +
    "prefixed with ' against spreadsheet formula injection; numbers are never prefixed.",
});

// Who may export is who may read the matching list (audit: admins only).
export const exportRoutes = ({ db, logger }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/exports/items',
    operationId: 'exportItems',
    tag,
    access: 'viewer',
    summary: 'Download the items with their totals (CSV or XLSX)',
    description: 'The columns are the importer’s, so the file imports again as it is.',
    query: exportItemsQuery,
    produces: produces('Items with on hand and shortfall'),
    handler: ({ query, res }) => exportsService.exportItems({ db, res, logger }, query),
  }),
  defineRoute({
    method: 'get',
    path: '/exports/stock',
    operationId: 'exportStock',
    tag,
    access: 'viewer',
    summary: 'Download stock by location (CSV or XLSX)',
    query: exportStockQuery,
    produces: produces('Every item and location with stock on hand, by location path'),
    handler: ({ query, res }) => exportsService.exportStock({ db, res, logger }, query),
  }),
  defineRoute({
    method: 'get',
    path: '/exports/movements',
    operationId: 'exportMovements',
    tag,
    access: 'viewer',
    summary: 'Download the ledger with the movement list’s filters (CSV or XLSX)',
    query: exportMovementsQuery,
    produces: produces('The movements, oldest first'),
    handler: ({ query, res }) => exportsService.exportMovements({ db, res, logger }, query),
  }),
  defineRoute({
    method: 'get',
    path: '/exports/audit',
    operationId: 'exportAuditLog',
    tag,
    access: 'admin',
    summary: 'Download the audit trail with its list’s filters (CSV or XLSX)',
    query: exportAuditQuery,
    produces: produces('The audit entries, oldest first'),
    handler: ({ query, res }) => exportsService.exportAudit({ db, res, logger }, query),
  }),
];
