import { MOVEMENT_KINDS, type MovementKind } from '@/lib/api-types';
import { movementKindLabels } from '@/lib/movements';

interface KindSwitcherProps {
  value: MovementKind;
  onChange: (kind: MovementKind) => void;
}

/** A native radio group: arrow keys move between kinds, and it reads as one choice. */
export function KindSwitcher({ value, onChange }: KindSwitcherProps) {
  return (
    <fieldset className="kind-switcher">
      <legend className="field__label">Movement type</legend>
      <div className="kind-switcher__options">
        {MOVEMENT_KINDS.map((kind) => (
          <label key={kind} className="kind-switcher__option">
            <input
              type="radio"
              name="kind"
              value={kind}
              checked={value === kind}
              onChange={() => onChange(kind)}
            />
            <span>{movementKindLabels[kind]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
