import { idParams } from '../../lib/http/common-schemas';
import { defineRoute } from '../../lib/http/define-route';
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
    tag,
    summary: 'List locations with search, filters and pagination',
    query: listLocationsQuery,
    response: locationPage,
    handler: ({ query }) => locations.listLocations(db, query),
  }),
  defineRoute({
    method: 'get',
    path: '/locations/tree',
    tag,
    summary: 'The location tree, depth-first, with stock per location',
    query: treeQuery,
    response: locationTree,
    handler: ({ query }) => locations.locationTree(db, query.archived),
  }),
  defineRoute({
    method: 'post',
    path: '/locations',
    tag,
    summary: 'Create a location',
    body: createLocationBody,
    status: 201,
    response: locationSchema,
    errors: [409, 415, 422],
    handler: ({ body }) => locations.createLocation(db, body),
  }),
  defineRoute({
    method: 'get',
    path: '/locations/:id',
    tag,
    summary: 'Get a location',
    params: idParams,
    response: locationSchema,
    errors: [404],
    handler: ({ params }) => locations.getLocation(db, params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/locations/:id',
    tag,
    summary: 'Change or move a location (no cycles)',
    params: idParams,
    body: updateLocationBody,
    response: locationSchema,
    errors: [404, 409, 415, 422],
    handler: ({ params, body }) => locations.updateLocation(db, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/locations/:id/archive',
    tag,
    summary: 'Archive an empty location without active sub-locations',
    params: idParams,
    response: locationSchema,
    errors: [404, 409],
    handler: ({ params }) => locations.archiveLocation(db, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/locations/:id/unarchive',
    tag,
    summary: 'Bring an archived location back',
    params: idParams,
    response: locationSchema,
    errors: [404, 422],
    handler: ({ params }) => locations.unarchiveLocation(db, params.id),
  }),
  defineRoute({
    method: 'delete',
    path: '/locations/:id',
    tag,
    summary: 'Delete a location that nothing refers to (otherwise archive it)',
    params: idParams,
    status: 204,
    errors: [404, 409],
    handler: ({ params }) => locations.deleteLocation(db, params.id),
  }),
];
