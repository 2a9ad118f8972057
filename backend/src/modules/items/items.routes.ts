import { idParams } from '../../lib/http/common-schemas';
import { defineRoute } from '../../lib/http/define-route';
import type { RouteContext } from '../../lib/http/route-context';
import * as items from './items.service';
import {
  categoryList,
  createItemBody,

  itemPage,
  itemSchema,
  listItemsQuery,
  lookupQuery,
  updateItemBody,
} from './items.schemas';

const tag = 'Items';

export const itemRoutes = ({ db }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/items',
    tag,
    summary: 'List items with search, filters, sorting and pagination',
    query: listItemsQuery,
    response: itemPage,
    handler: ({ query }) => items.listItems(db, query),
  }),
  defineRoute({
    method: 'get',
    path: '/items/categories',
    tag,
    summary: 'Categories in use by active items',
    response: categoryList,
    handler: () => items.listCategories(db),
  }),
  defineRoute({
    method: 'get',
    path: '/items/lookup',
    tag,
    summary: 'Find one item by exact SKU (any case) or barcode, e.g. from a scanner',
    query: lookupQuery,
    response: itemSchema,
    errors: [404],
    handler: ({ query }) => items.lookupItem(db, query.code),
  }),
  defineRoute({
    method: 'post',
    path: '/items',
    tag,
    summary: 'Create an item',
    body: createItemBody,
    status: 201,
    response: itemSchema,
    errors: [409, 415],
    handler: ({ body }) => items.createItem(db, body),
  }),
  defineRoute({
    method: 'get',
    path: '/items/:id',
    tag,
    summary: 'Get an item with its total on hand',
    params: idParams,
    response: itemSchema,
    errors: [404],
    handler: ({ params }) => items.getItem(db, params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/items/:id',
    tag,
    summary: 'Change an item (null clears an optional field)',
    params: idParams,
    body: updateItemBody,
    response: itemSchema,
    errors: [404, 409, 415],
    handler: ({ params, body }) => items.updateItem(db, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/items/:id/archive',
    tag,
    summary: 'Archive an item (only when nothing is on hand)',
    params: idParams,
    response: itemSchema,
    errors: [404, 409],
    handler: ({ params }) => items.archiveItem(db, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/items/:id/unarchive',
    tag,
    summary: 'Bring an archived item back',
    params: idParams,
    response: itemSchema,
    errors: [404],
    handler: ({ params }) => items.unarchiveItem(db, params.id),
  }),
  defineRoute({
    method: 'delete',
    path: '/items/:id',
    tag,
    summary: 'Delete an item that nothing refers to (otherwise archive it)',
    params: idParams,
    status: 204,
    errors: [404, 409],
    handler: ({ params }) => items.deleteItem(db, params.id),
  }),
];
