import { useId, type ReactNode } from 'react';

/** Props a form control needs so its label, hint and error are announced with it. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FormFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Shows "(optional)" after the label; required fields stay unmarked, like most forms. */
  optional?: boolean;
  className?: string;
  /** A character counter ("12 of 200 characters"), read with the control like the hint. */
  counter?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}

/**
 * Label, control, hint and error wired together: the error is linked with aria-describedby
 * and the control is marked aria-invalid, so screen readers read the problem on focus.
 */
export function FormField({
  label,
  hint,
  error,
  optional,
  className,
  counter,
  children,
}: FormFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const counterId = counter ? `${id}-counter` : undefined;
  const describedBy = [errorId, hintId, counterId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {counter ? (
        <p className="field__counter" id={counterId}>
          {counter}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
