import { z } from 'zod';

// The units an item is counted in. Shared by items, settings (the default unit) and the
// location tree (totals per unit), so it lives below the modules.
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
export const unit = z.enum(UNITS);
