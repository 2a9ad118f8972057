import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface ConfirmActionProps {
  /** The question, e.g. "Delete X permanently?". Names the group unless `label` is given. */
  message: ReactNode;
  /** Accessible name for the group when the question itself should not be it. */
  label?: string;
  confirmLabel: string;
  /** Defaults to "Cancel". */
  cancelLabel?: string;
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
 * It takes focus when shown; Escape or Cancel closes it and puts focus back on the control
 * that opened it (keep that control rendered while the question is open).
 */
export function ConfirmAction({
  message,
  label,
  confirmLabel,
  pendingLabel,
  pending,
  disabled = pending,
  tone = 'danger',
  cancelLabel = 'Cancel',
  onConfirm,
  onCancel,
  children,
}: ConfirmActionProps) {
  const messageId = useId();
  const boxRef = useRef<HTMLElement>(null);
  // The control that opened the question gets focus back when it is cancelled.
  const openerRef = useRef<Element | null>(null);

  // Takes focus when shown, so the question is read out and Escape reaches it. The box itself,
  // not "Yes": a scanner's Enter or a second tap must not confirm by accident.
  useEffect(() => {
    openerRef.current = document.activeElement;
    boxRef.current?.focus();
  }, []);

  const cancel = () => {
    const opener = openerRef.current;
    onCancel();
    setTimeout(() => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    }, 0);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    cancel();
  };
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
      <button type="button" className="button button--secondary" onClick={cancel}>
        {cancelLabel}
      </button>
    </div>
  );
  const question = <p id={label ? undefined : messageId}>{message}</p>;

  if (children) {
    return (
      <form
        className="confirm"
        ref={(element) => {
          boxRef.current = element;
        }}
        tabIndex={-1}
        onKeyDown={onKeyDown}
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
    <div
      className="confirm"
      role="group"
      ref={(element) => {
        boxRef.current = element;
      }}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      {...named}
    >
      {question}
      {buttons}
    </div>
  );
}
