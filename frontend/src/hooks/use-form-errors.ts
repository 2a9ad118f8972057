import { useEffect, useRef, useState } from 'react';
import { problemForForm, type FieldErrors } from '../lib/problem-fields';

/**
 * The error plumbing every form shares: client-side errors merged over the server's problem
 * details, and focus moved to where the problem is (the first bad field, else the summary
 * alert). Put `formRef` on the <form>, `alertRef` on its FormAlert, `name` on each control.
 */
export function useFormErrors<F extends string>(
  fields: readonly F[],
  error: Error | null,
  codeFields?: Partial<Record<string, F>>,
) {
  const [clientErrors, setClientErrors] = useState<FieldErrors<F>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const server = error ? problemForForm(error, fields, codeFields) : null;
  const fieldErrors: FieldErrors<F> = { ...server?.fieldErrors, ...clientErrors };

  // After a failed submit, put focus where the problem is: the first bad field, else the summary.
  useEffect(() => {
    if (!error) return;
    const firstInvalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? alertRef.current)?.focus();
  }, [error]);

  /** Drops a field's client-side error once the person edits it. */
  const clearError = (field: F) => {
    if (!clientErrors[field]) return;
    setClientErrors(({ [field]: _removed, ...rest }) => rest as FieldErrors<F>);
  };

  /** Shows these client-side errors; returns true (and focuses the first bad field) if any. */
  const reportClientErrors = (errors: FieldErrors<F>): boolean => {
    setClientErrors(errors);
    const first = fields.find((field) => errors[field]);
    if (!first) return false;
    formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    return true;
  };

  return { server, fieldErrors, formRef, alertRef, clearError, reportClientErrors };
}
