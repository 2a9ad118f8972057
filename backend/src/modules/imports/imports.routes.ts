import { idParams } from '../../lib/http/common-schemas';
import { defineRoute } from '../../lib/http/define-route';
import { actorOf } from '../../lib/http/identity';
import type { RouteContext } from '../../lib/http/route-context';
import {
  commitBody,
  importProblemPage,
  importSchema,
  problemsQuery,
  putMappingBody,
  uploadQuery,
} from './imports.schemas';
import * as imports from './imports.service';

const tag = 'Imports';

export const IMPORT_MEDIA_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

export const importRoutes = ({ db, config, logger }: RouteContext) => [
  defineRoute({
    method: 'post',
    path: '/imports',
    operationId: 'createImport',
    tag,
    access: 'manager',
    summary: 'Upload a CSV or XLSX file of items, locations and stock to import',
    description:
      'The raw file is the request body (streamed). Nothing is written to items, locations or stock until a commit. The answer holds the headers found, the row count and a suggested column mapping.',
    rawBody: {
      mediaTypes: IMPORT_MEDIA_TYPES,
      description: 'The file itself; application/octet-stream is sniffed (XLSX or CSV)',
    },
    query: uploadQuery,
    status: 201,
    response: importSchema,
    errors: [413, 415, 422, 503],
    handler: ({ query, req }) => imports.upload(db, config, req, query, actorOf(req)),
  }),
  defineRoute({
    method: 'get',
    path: '/imports/:id',
    operationId: 'getImport',
    tag,
    access: 'manager',
    summary: 'One import: status, mapping, preview counts and the progress of its job',
    params: idParams,
    response: importSchema,
    errors: [404],
    handler: ({ params }) => imports.getImport(db, params.id),
  }),
  defineRoute({
    method: 'put',
    path: '/imports/:id/mapping',
    operationId: 'setImportMapping',
    tag,
    access: 'manager',
    summary: 'Set the column mapping; queues the row checks and the preview (202, status checking)',
    description:
      'A mapping that does not fit the file is refused at once (422). The checks run as a job: poll GET /imports/{id} (check.done / check.total) until the status is mapped (the preview) or staged (cancelled or failed: check.error). 409 while an earlier mapping is still being checked.',
    params: idParams,
    body: putMappingBody,
    status: 202,
    response: importSchema,
    errors: [404, 409, 415, 422],
    handler: ({ params, body, req }) =>
      imports.setMapping(db, logger, params.id, body, actorOf(req)),
  }),
  defineRoute({
    method: 'get',
    path: '/imports/:id/problems',
    operationId: 'listImportProblems',
    tag,
    access: 'manager',
    summary: 'Every problem found in the file, per row, in line order',
    params: idParams,
    query: problemsQuery,
    response: importProblemPage,
    errors: [404],
    handler: ({ params, query }) => imports.listProblems(db, params.id, query),
  }),
  defineRoute({
    method: 'post',
    path: '/imports/:id/commit',
    operationId: 'commitImport',
    tag,
    access: 'manager',
    summary: 'Start a dry run or the commit; poll GET /imports/{id} for progress',
    description:
      'One transaction: all or nothing, or the valid rows only (the mapping’s mode). A dry run runs the same statements and rolls them back.',
    params: idParams,
    body: commitBody,
    status: 202,
    response: importSchema,
    errors: [404, 409, 415, 422],
    handler: ({ params, body, req }) =>
      imports.startCommit(db, logger, params.id, body, actorOf(req)),
  }),
  defineRoute({
    method: 'post',
    path: '/imports/:id/cancel',
    operationId: 'cancelImport',
    tag,
    access: 'manager',
    summary: 'Stop a queued or running import, or a mapping’s checks; nothing they did is kept',
    description:
      'A dry run or commit ends cancelled. A mapping’s checks (status checking) end staged: the mapping is kept for another try, without a preview or problems (check.error says why). The answer waits a few seconds for the job to stop.',
    params: idParams,
    response: importSchema,
    errors: [404, 409],
    handler: ({ params, req }) => imports.cancel(db, params.id, actorOf(req)),
  }),
];
