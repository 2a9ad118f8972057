import type { LabelGrid, LabelPreset } from '@/lib/api-types';

/** The layouts as the dialog offers them, grouped by paper. */
export const LAYOUT_GROUPS: { label: string; options: { value: LabelPreset; label: string }[] }[] =
  [
    {
      label: 'A4 sheets',
      options: [
        { value: 'L7160', label: 'Avery L7160 — 21 a sheet, 63.5 × 38.1 mm' },
        { value: 'L7163', label: 'Avery L7163 — 14 a sheet, 99.1 × 38.1 mm' },
        { value: 'L7173', label: 'Avery L7173 — 10 a sheet, 99.1 × 57 mm' },
        { value: 'L7165', label: 'Avery L7165 — 8 a sheet, 99.1 × 67.7 mm' },
      ],
    },
    {
      label: 'US letter sheets',
      options: [
        { value: '5160', label: 'Avery 5160 — 30 a sheet, 2⅝ × 1 in' },
        { value: '5163', label: 'Avery 5163 — 10 a sheet, 4 × 2 in' },
        { value: '5164', label: 'Avery 5164 — 6 a sheet, 4 × 3⅓ in' },
      ],
    },
    {
      label: 'Label printer (one label a page)',
      options: [
        { value: 'thermal-62mm', label: '62 mm continuous, 40 mm long' },
        { value: 'thermal-4x6in', label: '4 × 6 in' },
        { value: 'thermal-2x1in', label: '2 × 1 in' },
      ],
    },
    { label: 'Other', options: [{ value: 'custom', label: 'Custom sheet…' }] },
  ];

export const isThermal = (preset: LabelPreset) => preset.startsWith('thermal-');

export const DEFAULT_GRID: LabelGrid = {
  paper: 'A4',
  columns: 3,
  rows: 8,
  labelWidth: 64,
  labelHeight: 34,
  marginLeft: 8,
  marginTop: 12,
  gapX: 3,
  gapY: 0,
};

export type GridKey = Exclude<keyof LabelGrid, 'paper'>;

/** The custom grid's number fields: label, key, and the API's range. */
export const GRID_FIELDS: {
  key: GridKey;
  label: string;
  min: number;
  max: number;
  step: number;
}[] = [
  { key: 'columns', label: 'Columns', min: 1, max: 10, step: 1 },
  { key: 'rows', label: 'Rows', min: 1, max: 40, step: 1 },
  { key: 'labelWidth', label: 'Label width (mm)', min: 15, max: 215.9, step: 0.1 },
  { key: 'labelHeight', label: 'Label height (mm)', min: 8, max: 279.4, step: 0.1 },
  { key: 'marginLeft', label: 'Left margin (mm)', min: 0, max: 100, step: 0.1 },
  { key: 'marginTop', label: 'Top margin (mm)', min: 0, max: 100, step: 0.1 },
  { key: 'gapX', label: 'Gap between columns (mm)', min: 0, max: 50, step: 0.1 },
  { key: 'gapY', label: 'Gap between rows (mm)', min: 0, max: 50, step: 0.1 },
];
