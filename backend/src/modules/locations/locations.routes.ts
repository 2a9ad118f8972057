import { idParams } from '../../lib/http/common-schemas';
import { defineRoute } from '../../lib/http/define-route';
import { actorOf } from '../../lib/http/identity';
import type { RouteContext } from '../../lib/http/route-context';
import * as locations from './locations.service';
import {
  createLocationBody,
  listLocationsQuery,
  locationPage,
  locationSchema,
  locationTree,
  treeQuery,
  updateLocationBody,
} from './locations.schemas';

const tag = 'Locations';

export const locationRoutes = ({ db }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/locations',
    operationId: 'listLocations',
    tag,
    access: 'viewer',
    summary: 'List locations with search, filters and pagination',
    query: listLocationsQuery,
    response: locationPage,
    handler: ({ query }) => locations.listLocations(db, query),
  }),
  defineRoute({
    method: 'get',
    path: '/locations/tree',
    operationId: 'getLocationTree',
    tag,
    access: 'viewer',
    summary: 'The location tree, depth-first, with stock per location',
    query: treeQuery,
    response: locationTree,
    description:
      'Sends an ETag that names the state of the tree; a request with that value in ' +
      'If-None-Match gets 304 Not Modified while nothing changed.',
    handler: async ({ query, req, res }) => {
      const reply = await locations.locationTree(db, query.archived);
      res.set('ETag', reply.etag);
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      const { bytes, etag } = await reply.body();
      if (etag !== reply.etag) res.set('ETag', etag); // the state moved on while reading
      res.type('json').send(bytes);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/locations',
    operationId: 'createLocation',
    tag,
    access: 'manager',
    summary: 'Create a location',
    body: createLocationBody,
    status: 201,
    response: locationSchema,
    errors: [409, 415, 422],
    handler: ({ body, req }) => locations.createLocation(db, body, actorOf(req)),
  }),
  defineRoute({
    method: 'get',
    path: '/locations/:id',
    operationId: 'getLocation',
    tag,
    access: 'viewer',
    summary: 'Get a location',
    params: idParams,
    response: locationSchema,
    errors: [404],
    handler: ({ params }) => locations.getLocation(db, params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/locations/:id',
    operationId: 'updateLocation',
    tag,
    access: 'manager',
    summary: 'Change or move a location (no cycles)',
    params: idParams,
    body: updateLocationBody,
    response: locationSchema,
    errors: [404, 409, 415, 422],
    handler: ({ params, body, req }) => locations.updateLocation(db, params.id, body, actorOf(req)),
  }),
  defineRoute({
    method: 'post',
    path: '/locations/:id/archive',
    operationId: 'archiveLocation',
    tag,
    access: 'manager',
    summary: 'Archive an empty location without active sub-locations',
    params: idParams,
    response: locationSchema,
    errors: [404, 409],
    handler: ({ params, req }) => locations.archiveLocation(db, params.id, actorOf(req)),
  }),
  defineRoute({
    method: 'post',
    path: '/locations/:id/unarchive',
    operationId: 'unarchiveLocation',
    tag,
    access: 'manager',
    summary: 'Bring an archived location back',
    params: idParams,
    response: locationSchema,
    errors: [404, 422],
    handler: ({ params, req }) => locations.unarchiveLocation(db, params.id, actorOf(req)),
  }),
  defineRoute({
    method: 'delete',
    path: '/locations/:id',
    operationId: 'deleteLocation',
    tag,
    access: 'manager',
    summary: 'Delete a location that nothing refers to (otherwise archive it)',
    params: idParams,
    status: 204,
    errors: [404, 409],
    handler: ({ params, req }) => locations.deleteLocation(db, params.id, actorOf(req)),
  }),
];
