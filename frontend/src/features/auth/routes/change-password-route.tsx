import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { Page } from '../../../components/page';
import { StatusLine } from '../../../components/status-line';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../../../lib/passwords';
import { useFormErrors } from '../../../hooks/use-form-errors';
import type { FieldErrors } from '../../../lib/problem-fields';
import { useChangePassword } from '../api/change-password';

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = { currentPassword: '', newPassword: '', confirm: '' };

export function ChangePasswordRoute() {
  const change = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [done, setDone] = useState<string | undefined>();

  // A wrong current password (422 CURRENT_PASSWORD_WRONG) belongs on its field.
  const { server, fieldErrors, formRef, alertRef, clearError, reportClientErrors } = useFormErrors(
    FIELDS,
    change.error,
    {
      CURRENT_PASSWORD_WRONG: 'currentPassword',
      INVALID_CREDENTIALS: 'currentPassword',
    },
  );

  const set = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    clearError(field);
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(undefined);
    const errors: FieldErrors<Field> = {};
    if (!values.currentPassword) errors.currentPassword = 'Enter your current password.';
    const weak = passwordProblem(values.newPassword);
    if (weak) errors.newPassword = weak;
    if (values.confirm !== values.newPassword) errors.confirm = 'The passwords do not match.';
    if (reportClientErrors(errors)) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues(EMPTY);
          setDone('Password changed. You were signed out everywhere else.');
        },
      },
    );
  };

  const input = (field: Field, autoComplete: string) => ({
    name: field,
    type: 'password',
    className: 'input',
    autoComplete,
    value: values[field],
    onChange: set(field),
  });

  return (
    <Page title="Change password" description="Changing it signs you out on every other device.">
      <StatusLine>{done}</StatusLine>
      <form className="form card" noValidate onSubmit={handleSubmit} ref={formRef}>
        {server && !change.isPending ? (
          <FormAlert
            ref={alertRef}
            title="Password not changed"
            detail={server.detail}
            unmatched={server.unmatched}
          />
        ) : null}
        <FormField label="Current password" error={fieldErrors.currentPassword}>
          {(control) => <input {...control} {...input('currentPassword', 'current-password')} />}
        </FormField>
        <FormField
          label="New password"
          error={fieldErrors.newPassword}
          hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters.`}
        >
          {(control) => <input {...control} {...input('newPassword', 'new-password')} />}
        </FormField>
        <FormField label="Confirm new password" error={fieldErrors.confirm}>
          {(control) => <input {...control} {...input('confirm', 'new-password')} />}
        </FormField>
        <div className="button-row">
          <button type="submit" className="button" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </Page>
  );
}
