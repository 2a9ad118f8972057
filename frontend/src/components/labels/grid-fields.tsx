import { SelectField, TextField } from '@/components/form/fields';
import type { LabelFormValues } from './label-form-values';
import { GRID_FIELDS } from './layout-options';

const PAPERS = [
  { value: 'A4', label: 'A4' },
  { value: 'letter', label: 'US letter' },
];

/** A custom sheet: paper, then columns, rows, sizes, margins and gaps in millimetres. */
export function GridFields() {
  return (
    <fieldset className="fieldset">
      <legend>Custom sheet</legend>
      <SelectField<LabelFormValues> name="paper" label="Paper" options={PAPERS} />
      {GRID_FIELDS.map((f) => (
        <TextField<LabelFormValues>
          key={f.key}
          name={f.key}
          label={f.label}
          type="number"
          inputMode="decimal"
          min={f.min}
          max={f.max}
          step={f.step}
        />
      ))}
    </fieldset>
  );
}
