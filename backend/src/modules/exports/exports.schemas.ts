import { z } from 'zod';
import { id, text } from '../../lib/http/common-schemas';
import { listItemsFilter } from '../items/items.service';
import { auditAction } from '../audit/audit.service';
import { movementKind } from '../movements/movements.service';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
const format = z.enum(EXPORT_FORMATS).default('csv').meta({
  description:
    'csv: UTF-8 with a BOM, comma-separated, CRLF; xlsx: one worksheet, numbers as numeric cells',
});

const period = {
  from: z.iso.datetime({ offset: true }).optional().meta({ description: 'At or after this time' }),
  to: z.iso.datetime({ offset: true }).optional().meta({ description: 'Before this time' }),
};
const fromBeforeTo = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from < q.to;
const mustBeAfter = { path: ['to'], error: 'must be after from' };

/** The item list's filters and search (GET /items), without its order and paging. */
export const exportItemsQuery = listItemsFilter
  .omit({ sort: true, order: true })
  .extend({ format });

export const exportStockQuery = z.object({
  format,
  itemId: id.optional(),
  locationId: id.optional().meta({ description: 'Only this location (not its children)' }),
});

/** The movement list's filters (GET /movements), without its paging. */
export const exportMovementsQuery = z
  .object({
    format,
    itemId: id.optional(),
    locationId: id.optional().meta({ description: 'Movements from or to this location' }),
    kind: movementKind.optional(),
    userId: id.optional().meta({ description: 'Only movements recorded by this user' }),
    reference: z.string().trim().min(1).max(100).optional(),
    ...period,
  })
  .refine(fromBeforeTo, mustBeAfter);

/** The audit list's filters (GET /audit), without its paging. */
export const exportAuditQuery = z
  .object({
    format,
    action: auditAction.optional(),
    actorId: id.optional(),
    entityType: text(50).optional(),
    entityId: text(100).optional(),
    ...period,
  })
  .refine(fromBeforeTo, mustBeAfter);

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportItemsQuery = z.output<typeof exportItemsQuery>;
export type ExportStockQuery = z.output<typeof exportStockQuery>;
export type ExportMovementsQuery = z.output<typeof exportMovementsQuery>;
export type ExportAuditQuery = z.output<typeof exportAuditQuery>;
