import { z } from 'zod';

// The units an item is counted in. Shared by items, settings (the default unit) and the
// location tree (totals per unit), so it lives below the modules.
// The items.unit CHECK constraint lists the same set.
export const UNITS = [
  'each',
  'box',
  'pack',
  'pair',
  'set',
  'roll',
  'kg',
  'g',
  'l',
  'ml',
  'm',
  'cm',
] as const;
export type Unit = (typeof UNITS)[number];

/** Units that cannot be split: their quantities are whole numbers (half a box is not a box). */
export const COUNTABLE_UNITS = [
  'each',
  'box',
  'pack',
  'pair',
  'set',
  'roll',
] as const satisfies readonly Unit[];

export const isCountable = (unit: string): boolean =>
  (COUNTABLE_UNITS as readonly string[]).includes(unit);

export const unit = z.enum(UNITS).meta({
  id: 'Unit',
  description: `Counted units (${COUNTABLE_UNITS.join(', ')}) take whole numbers only; the others take up to 3 decimal places.`,
});
