import { FormField } from '@/components/form-field';
import type { LabelGrid } from '@/lib/api-types';
import { GRID_FIELDS } from './layout-options';

interface GridFieldsProps {
  grid: LabelGrid;
  onChange: (grid: LabelGrid) => void;
  /** Field errors from the server, by grid key (columns, rows, …). */
  errors: Partial<Record<string, string>>;
}

/** A custom sheet: paper, then columns, rows, sizes, margins and gaps in millimetres. */
export function GridFields({ grid, onChange, errors }: GridFieldsProps) {
  return (
    <fieldset className="fieldset">
      <legend>Custom sheet</legend>
      <FormField label="Paper">
        {(control) => (
          <select
            {...control}
            className="input"
            value={grid.paper}
            onChange={(e) => onChange({ ...grid, paper: e.target.value as LabelGrid['paper'] })}
          >
            <option value="A4">A4</option>
            <option value="letter">US letter</option>
          </select>
        )}
      </FormField>
      {GRID_FIELDS.map((f) => (
        <FormField key={f.key} label={f.label} error={errors[f.key]}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="number"
              inputMode="decimal"
              min={f.min}
              max={f.max}
              step={f.step}
              required
              value={Number.isNaN(grid[f.key]) ? '' : grid[f.key]}
              onChange={(e) => onChange({ ...grid, [f.key]: e.target.valueAsNumber })}
            />
          )}
        </FormField>
      ))}
    </fieldset>
  );
}
