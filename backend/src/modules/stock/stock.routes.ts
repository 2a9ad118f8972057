import { idParams } from '../../lib/http/common-schemas';
import { defineRoute } from '../../lib/http/define-route';
import type { RouteContext } from '../../lib/http/route-context';
import {
  itemStockSchema,
  locationStockQuery,
  locationStockSchema,
  lowStockQuery,
  lowStockSchema,
  stockSummarySchema,
} from './stock.schemas';
import { stockAsOfQuery, stockAsOfSchema } from './stock-as-of.schemas';
import * as stock from './stock.service';

const tag = 'Stock';

export const stockRoutes = ({ db }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/items/:id/stock',
    operationId: 'getItemStock',
    tag,
    access: 'viewer',
    summary: 'Stock of one item at every location that holds some',
    params: idParams,
    response: itemStockSchema,
    errors: [404],
    handler: ({ params }) => stock.stockForItem(db, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/locations/:id/stock',
    operationId: 'getLocationStock',
    tag,
    access: 'viewer',
    summary: 'Items held at one location',
    params: idParams,
    query: locationStockQuery,
    response: locationStockSchema,
    errors: [404],
    handler: ({ params, query }) => stock.stockAtLocation(db, params.id, query),
  }),
  defineRoute({
    method: 'get',
    path: '/stock',
    operationId: 'getStockAsOf',
    tag,
    access: 'viewer',
    summary: 'Stock per item and location as of a moment, from the ledger',
    description:
      'For one item, one location, a location and everything below it (subtree=true), or an ' +
      'item at a location. Places and items that held nothing then are left out. Keyset pages ' +
      'in (location id, item id) order.',
    query: stockAsOfQuery,
    response: stockAsOfSchema,
    errors: [404],
    handler: ({ query }) => stock.stockAsOf(db, query),
  }),
  defineRoute({
    method: 'get',
    path: '/stock/low',
    operationId: 'listLowStock',
    tag,
    access: 'viewer',
    summary: 'Active items whose total on hand is below their reorder point, most urgent first',
    query: lowStockQuery,
    response: lowStockSchema,
    handler: ({ query }) => stock.lowStock(db, query),
  }),
  defineRoute({
    method: 'get',
    path: '/stock/summary',
    operationId: 'getStockSummary',
    tag,
    access: 'viewer',
    summary: 'Counts for the dashboard',
    response: stockSummarySchema,
    handler: () => stock.stockSummary(db),
  }),
];
