import * as z from 'zod/mini';
import type { LabelGrid, LabelLayout, LabelPreset } from '@/lib/api-types';
import { DEFAULT_GRID, GRID_FIELDS, isThermal, type GridKey } from './layout-options';

// The label dialog's values as typed (numbers stay text until sent, so an emptied field stays
// empty), the checks the API makes on them, and the conversions both ways.

export type LabelFormValues = {
  preset: LabelPreset;
  qr: boolean;
  copies: string;
  skip: string;
  paper: LabelGrid['paper'];
} & Record<GridKey, string>;

function outOfRange(value: string, min: number, max: number, whole: boolean): string | undefined {
  const pattern = whole ? /^\d+$/ : /^\d+(\.\d+)?$/;
  const n = Number(value.trim());
  if (pattern.test(value.trim()) && n >= min && n <= max) return undefined;
  return `Enter ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}.`;
}

/** Copies always; skip on sheets only; the grid only for a custom sheet (hidden otherwise). */
export const labelFormSchema = z.custom<LabelFormValues>().check(
  z.superRefine((values, ctx) => {
    const checks: [keyof LabelFormValues, string | undefined][] = [
      ['copies', outOfRange(values.copies, 1, 100, true)],
    ];
    if (!isThermal(values.preset)) checks.push(['skip', outOfRange(values.skip, 0, 399, true)]);
    if (values.preset === 'custom')
      for (const f of GRID_FIELDS)
        checks.push([f.key, outOfRange(values[f.key], f.min, f.max, f.step === 1)]);
    for (const [path, message] of checks)
      if (message) ctx.issues.push({ code: 'custom', message, path: [path], input: values[path] });
  }),
);

export function toFormValues(layout: LabelLayout): LabelFormValues {
  const grid = layout.custom ?? DEFAULT_GRID;
  const numbers = Object.fromEntries(GRID_FIELDS.map((f) => [f.key, String(grid[f.key])]));
  return {
    preset: layout.preset,
    qr: layout.qr,
    copies: String(layout.copies),
    skip: String(layout.skip),
    paper: grid.paper,
    ...(numbers as Record<GridKey, string>),
  };
}

export function toLayout(values: LabelFormValues): LabelLayout {
  const numbers = Object.fromEntries(GRID_FIELDS.map((f) => [f.key, Number(values[f.key])]));
  return {
    preset: values.preset,
    ...(values.preset === 'custom'
      ? { custom: { paper: values.paper, ...(numbers as Record<GridKey, number>) } }
      : {}),
    qr: values.qr,
    copies: Number(values.copies),
    skip: isThermal(values.preset) ? 0 : Number(values.skip),
  };
}
