import { useId, type ReactNode } from 'react';

interface ConfirmActionProps {
  /** The question, e.g. "Delete X permanently?". Names the group unless `label` is given. */
  message: ReactNode;
  /** Accessible name for the group when the question itself should not be it. */
  label?: string;
  confirmLabel: string;
  /** Shown on the confirm button while the mutation runs; defaults to `confirmLabel`. */
  pendingLabel?: string;
  /** Whether the mutation this confirms is running. */
  pending: boolean;
  /** Disables the confirm button; defaults to `pending`. */
  disabled?: boolean;
  /** Danger for destructive actions (the default), primary for ones that restore something. */
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
  onCancel: () => void;
  /**
   * Extra controls between the question and the buttons (e.g. a reason field). With
   * children the box is a <form>, so Enter in a field confirms.
   */
  children?: ReactNode;
}

/**
 * The "are you sure?" box shown in place of a destructive button: the question, then
 * "Yes, …" (which runs the mutation) and Cancel. The caller owns the confirming state and
 * shows the mutation's problem, since that often covers more than this one action.
 */
export function ConfirmAction({
  message,
  label,
  confirmLabel,
  pendingLabel,
  pending,
  disabled = pending,
  tone = 'danger',
  onConfirm,
  onCancel,
  children,
}: ConfirmActionProps) {
  const messageId = useId();
  const named = label ? { 'aria-label': label } : { 'aria-labelledby': messageId };
  const buttons = (
    <div className="button-row">
      <button
        type={children ? 'submit' : 'button'}
        className={tone === 'danger' ? 'button button--danger' : 'button'}
        disabled={disabled}
        onClick={children ? undefined : onConfirm}
      >
        {pending && pendingLabel ? pendingLabel : confirmLabel}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
  const question = <p id={label ? undefined : messageId}>{message}</p>;

  if (children) {
    return (
      <form
        className="confirm"
        {...named}
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        {question}
        {children}
        {buttons}
      </form>
    );
  }
  return (
    <div className="confirm" role="group" {...named}>
      {question}
      {buttons}
    </div>
  );
}
