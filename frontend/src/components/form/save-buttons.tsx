import { StatusLine } from '@/components/status-line';
import { SubmitButton } from './app-form';

interface SaveButtonsProps {
  label: string;
  pendingLabel: string;
  /** From useAddAnother; omitted when the form offers no "Save and add another". */
  another?: { announcement: string; onPrimaryClick: () => void; onAnotherClick: () => void };
  onCancel?: (() => void) | undefined;
}

/** A form's save row: the main button, "Save and add another" where offered, and Cancel. */
export function SaveButtons({ label, pendingLabel, another, onCancel }: SaveButtonsProps) {
  return (
    <>
      {another ? <StatusLine>{another.announcement}</StatusLine> : null}
      <div className="button-row">
        <SubmitButton label={label} pendingLabel={pendingLabel} onClick={another?.onPrimaryClick} />
        {another ? (
          <SubmitButton
            secondary
            label="Save and add another"
            pendingLabel="Saving…"
            onClick={another.onAnotherClick}
          />
        ) : null}
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </>
  );
}
