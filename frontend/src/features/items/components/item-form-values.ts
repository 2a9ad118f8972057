import * as z from 'zod/mini';
import {
  isCountableUnit,
  UNITS,
  type Item,
  type ItemInput,
  type ItemPatch,
  type Unit,
} from '@/lib/api-types';
import { codeText, optionalText, requiredText } from '@/lib/form-rules';
import {
  isDecimal,
  isWithinQuantityRange,
  TOO_LARGE_MESSAGE,
  toDecimalString,
} from '@/lib/quantity';

export const ITEM_FIELDS = [
  'sku',
  'name',
  'description',
  'unit',
  'barcode',
  'reorderPoint',
  'category',
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** Everything as typed; converted to the API's shape only on submit. */
export type ItemFormValues = Record<Exclude<ItemField, 'unit'>, string> & { unit: Unit };

/** A new item starts with the organisation's default unit (Settings → defaultUnit). */
export function itemFormValues(item?: Item, defaultUnit: Unit = 'each'): ItemFormValues {
  return {
    sku: item?.sku ?? '',
    name: item?.name ?? '',
    description: item?.description ?? '',
    unit: item?.unit ?? defaultUnit,
    barcode: item?.barcode ?? '',
    reorderPoint: item?.reorderPoint ?? '',
    category: item?.category ?? '',
  };
}

/** Quick checks that save a round trip; the server still has the final say. */
export const itemSchema = z
  .object({
    sku: codeText('Enter a SKU.'),
    name: requiredText('Enter a name.', 200),
    description: optionalText(2000),
    unit: z.enum(UNITS as [Unit, ...Unit[]]),
    barcode: optionalText(64),
    reorderPoint: z.string().check(
      z.refine(
        (value) => value.trim() === '' || isDecimal(value),
        'Enter a number of zero or more, with up to 3 decimals.',
      ),
      z.refine((value) => !isDecimal(value) || isWithinQuantityRange(value), TOO_LARGE_MESSAGE),
    ),
    category: optionalText(100),
  })
  .check(
    z.superRefine((values, ctx) => {
      const [, fraction = ''] = values.reorderPoint.trim().split('.');
      if (isCountableUnit(values.unit) && isDecimal(values.reorderPoint) && !/^0*$/.test(fraction))
        ctx.issues.push({
          code: 'custom',
          message: `Items counted in ${values.unit} take a whole number.`,
          path: ['reorderPoint'],
          input: values.reorderPoint,
        });
    }),
  );

function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function toCreateInput(values: ItemFormValues): ItemInput {
  const input: ItemInput = { sku: values.sku.trim(), name: values.name.trim(), unit: values.unit };
  const description = optional(values.description);
  const barcode = optional(values.barcode);
  const reorderPoint = optional(values.reorderPoint);
  const category = optional(values.category);
  if (description !== null) input.description = description;
  if (barcode !== null) input.barcode = barcode;
  if (reorderPoint !== null) input.reorderPoint = toDecimalString(reorderPoint);
  if (category !== null) input.category = category;
  return input;
}

/** Only what changed, with `null` for cleared optional fields, so PATCH does not clobber. */
export function toPatch(values: ItemFormValues, item: Item): ItemPatch {
  const patch: ItemPatch = {};
  if (values.sku.trim() !== item.sku) patch.sku = values.sku.trim();
  if (values.name.trim() !== item.name) patch.name = values.name.trim();
  if (values.unit !== item.unit) patch.unit = values.unit;
  const description = optional(values.description);
  if (description !== item.description) patch.description = description;
  const barcode = optional(values.barcode);
  if (barcode !== item.barcode) patch.barcode = barcode;
  const category = optional(values.category);
  if (category !== item.category) patch.category = category;
  const reorderPoint = optional(values.reorderPoint);
  const current = item.reorderPoint;
  const changed =
    reorderPoint === null
      ? current !== null
      : current === null || Number(toDecimalString(reorderPoint)) !== Number(current);
  if (changed) patch.reorderPoint = reorderPoint === null ? null : toDecimalString(reorderPoint);
  return patch;
}
