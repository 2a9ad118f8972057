import { z } from 'zod';
import { bodyId } from '../../lib/http/common-schemas';
import { listItemsFilter } from '../items/items.service';
import { overflow, PAPER, PRESET_NAMES } from './labels.layouts';

/** Most labels one request may produce (labels × copies): about 170 A4 sheets of L7160. */
export const MAX_LABELS = 5000;

const whole = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const mm = (min: number, max: number) =>
  z
    .number({ error: 'must be a number of millimetres' })
    .min(min, { error: `must be at least ${min} mm` })
    .max(max, { error: `must be at most ${max} mm` });

export const customGrid = z
  .strictObject({
    paper: z.enum(Object.keys(PAPER) as ['A4', 'letter']),
    columns: whole(1, 10),
    rows: whole(1, 40),
    labelWidth: mm(15, 215.9),
    labelHeight: mm(8, 279.4),
    marginLeft: mm(0, 100),
    marginTop: mm(0, 100),
    gapX: mm(0, 50),
    gapY: mm(0, 50),
  })
  .superRefine((c, ctx) => {
    const over = overflow({ ...PAPER[c.paper], ...c, dpi: 300 });
    if (over.x > 0.01)
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: `the columns reach ${over.x.toFixed(1)} mm past the right edge of the page`,
      });
    if (over.y > 0.01)
      ctx.addIssue({
        code: 'custom',
        path: ['rows'],
        message: `the rows reach ${over.y.toFixed(1)} mm past the bottom of the page`,
      });
  })
  .meta({ description: 'A sheet of your own: sizes in millimetres' });

/** What the dialog remembers per user. */
export const labelLayout = z
  .strictObject({
    preset: z.enum([...PRESET_NAMES, 'custom']).meta({
      description:
        'Avery sheets (A4: L7160, L7163, L7165, L7173; US letter: 5160, 5163, 5164), single ' +
        'thermal labels (62 mm × 40 mm, 4 × 6 in, 2 × 1 in), or custom (then send `custom`)',
    }),
    custom: customGrid.optional(),
    qr: z.boolean().default(true).meta({ description: 'Add a QR code linking to the page' }),
    copies: whole(1, 100).default(1),
    skip: whole(0, 399)
      .default(0)
      .meta({ description: 'Positions to leave empty on the first sheet (a partly used one)' }),
  })
  .superRefine((l, ctx) => {
    if (l.preset === 'custom' && !l.custom)
      ctx.addIssue({
        code: 'custom',
        path: ['custom'],
        message: 'send the grid for a custom layout',
      });
  })
  .meta({ id: 'LabelLayout' });

const itemFilter = listItemsFilter;

export const labelSource = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('items'),
      ids: z
        .array(bodyId)
        .min(1, { error: 'choose at least one item' })
        .max(MAX_LABELS, { error: `at most ${MAX_LABELS} items at once` }),
    }),
    z.strictObject({
      kind: z.literal('itemFilter'),
      filter: itemFilter.meta({ description: 'The filters of GET /items (as query strings)' }),
    }),
    z.strictObject({
      kind: z.literal('location'),
      locationId: bodyId,
    }),
  ])
  .meta({
    id: 'LabelSource',
    description:
      'items: these ids; itemFilter: every item GET /items would list with these filters; ' +
      'location: the location and every active location under it',
  });

export const printLabelsBody = z.strictObject({ source: labelSource, layout: labelLayout });

export type LabelLayout = z.output<typeof labelLayout>;
export type LabelSource = z.output<typeof labelSource>;
export type PrintLabels = z.output<typeof printLabelsBody>;
