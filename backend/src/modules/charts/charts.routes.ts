import { idParams } from '../../lib/http/common-schemas';
import { defineRoute } from '../../lib/http/define-route';
import type { RouteContext } from '../../lib/http/route-context';
import {
  belowReorderPerDaySchema,
  daysQuery,
  movementsPerDaySchema,
  stockHistoryQuery,
  stockHistorySchema,
} from './charts.schemas';
import * as charts from './charts.service';

const tag = 'Charts';

export const chartRoutes = ({ db }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/items/:id/stock-history',
    operationId: 'getItemStockHistory',
    tag,
    access: 'viewer',
    summary: 'Stock of one item after each of its newest movements, in total and per location',
    params: idParams,
    query: stockHistoryQuery,
    response: stockHistorySchema,
    errors: [404],
    handler: ({ params, query }) => charts.itemStockHistory(db, params.id, query.limit),
  }),
  defineRoute({
    method: 'get',
    path: '/charts/movements-per-day',
    operationId: 'getMovementsPerDay',
    tag,
    access: 'viewer',
    summary: 'Movements posted per UTC day, by kind',
    query: daysQuery,
    response: movementsPerDaySchema,
    handler: ({ query }) => charts.movementsPerDay(db, query.days),
  }),
  defineRoute({
    method: 'get',
    path: '/charts/below-reorder-point',
    operationId: 'getBelowReorderPerDay',
    tag,
    access: 'viewer',
    summary: 'Items at or below their reorder point at the end of each UTC day',
    query: daysQuery,
    response: belowReorderPerDaySchema,
    handler: ({ query }) => charts.belowReorderPerDay(db, query.days),
  }),
];
