import { useId, useState } from 'react';
import type { ImportResource } from '@/lib/api-types';

/** XLSX with several sheets: read another one (the file is sent again with ?sheet=). */
export function SheetPicker({
  resource,
  busy,
  onPick,
}: {
  resource: ImportResource;
  busy: boolean;
  onPick: (sheet: string) => void;
}) {
  const id = useId();
  const [sheet, setSheet] = useState(resource.sheet ?? resource.sheets[0] ?? '');
  return (
    <div className="field import-sheet">
      <label className="field__label" htmlFor={id}>
        Sheet
      </label>
      <div className="import-sheet__row">
        <select id={id} className="input" value={sheet} onChange={(e) => setSheet(e.target.value)}>
          {resource.sheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || sheet === resource.sheet}
          onClick={() => onPick(sheet)}
        >
          Read this sheet
        </button>
      </div>
    </div>
  );
}
