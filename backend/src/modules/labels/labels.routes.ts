import type { Request } from 'express';
import { defineRoute } from '../../lib/http/define-route';
import { actorOf } from '../../lib/http/identity';
import type { RouteContext } from '../../lib/http/route-context';
import { labelLayout, printLabelsBody } from './labels.schemas';
import * as labels from './labels.service';

const tag = 'Labels';

/** The origin the browser used (scheme from X-Forwarded-Proto when the proxy is trusted). */
const requestOrigin = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

export const labelRoutes = ({ db, publicUrl }: RouteContext) => [
  defineRoute({
    method: 'get',
    path: '/labels/layout',
    operationId: 'getLabelLayout',
    tag,
    access: 'viewer',
    summary: 'The label layout this user chose last (or the default)',
    response: labelLayout,
    handler: ({ req }) => labels.layoutOf(db, actorOf(req).userId),
  }),
  defineRoute({
    method: 'post',
    path: '/labels',
    operationId: 'printLabels',
    tag,
    access: 'viewer',
    summary: 'Labels for items or a location subtree, as a PDF to print',
    description:
      'Each label has a Code 128 of what the movement form looks up (the item barcode, else ' +
      'its SKU; a location code), an optional QR code linking to the page, the name and the ' +
      `code. At most 5,000 labels (copies included) per request. The layout is remembered for ` +
      'the user (GET /labels/layout); the print is audited.',
    body: printLabelsBody,
    produces: { mediaType: 'application/pdf', description: 'The labels, a vector PDF' },
    errors: [404, 415, 422],
    handler: async ({ body, req, res }) => {
      const base = (publicUrl ?? requestOrigin(req)).replace(/\/+$/, '');
      const { pdf, count } = await labels.printLabels(db, body, actorOf(req), base);
      res
        .status(200)
        .type('application/pdf')
        .set('Content-Disposition', `attachment; filename="stockroom-labels.pdf"`)
        .set('Cache-Control', 'no-store')
        .set('X-Label-Count', String(count))
        .send(pdf);
    },
  }),
];
