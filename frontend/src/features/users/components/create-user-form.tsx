import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { ROLES, type Role, type User } from '../../../lib/api-types';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../../../lib/passwords';
import { roleLabels } from '../../../lib/permissions';
import { useFormErrors } from '../../../hooks/use-form-errors';
import type { FieldErrors } from '../../../lib/problem-fields';
import { useCreateUser } from '../api/create-user';

const FIELDS = ['email', 'name', 'role', 'password'] as const;
type Field = (typeof FIELDS)[number];

interface CreateUserFormProps {
  onCreated: (user: User) => void;
  onCancel: () => void;
}

export function CreateUserForm({ onCreated, onCancel }: CreateUserFormProps) {
  const create = useCreateUser();
  const [values, setValues] = useState({
    email: '',
    name: '',
    role: 'operator' as Role,
    password: '',
  });
  const { server, fieldErrors, formRef, alertRef, clearError, reportClientErrors } = useFormErrors(
    FIELDS,
    create.error,
    { EMAIL_TAKEN: 'email' },
  );

  const set = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    clearError(field);
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors<Field> = {};
    if (!values.email.trim()) errors.email = 'Enter an email address.';
    if (!values.name.trim()) errors.name = 'Enter a name.';
    const weak = passwordProblem(values.password);
    if (weak) errors.password = weak;
    if (reportClientErrors(errors)) return;
    create.mutate(
      { ...values, email: values.email.trim(), name: values.name.trim() },
      { onSuccess: onCreated },
    );
  };

  return (
    <form className="form" noValidate onSubmit={handleSubmit} ref={formRef}>
      {server && !create.isPending ? (
        <FormAlert
          ref={alertRef}
          title="User not created"
          detail={server.detail}
          unmatched={server.unmatched}
        />
      ) : null}
      <div className="form-grid">
        <FormField label="Email" error={fieldErrors.email}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              className="input"
              autoComplete="off"
              value={values.email}
              onChange={set('email')}
            />
          )}
        </FormField>
        <FormField label="Name" error={fieldErrors.name}>
          {(control) => (
            <input
              {...control}
              name="name"
              className="input"
              autoComplete="off"
              value={values.name}
              onChange={set('name')}
            />
          )}
        </FormField>
        <FormField label="Role" error={fieldErrors.role}>
          {(control) => (
            <select
              {...control}
              name="role"
              className="input"
              value={values.role}
              onChange={set('role')}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label="Initial password"
          error={fieldErrors.password}
          hint={`${PASSWORD_MIN}–${PASSWORD_MAX} characters; share it privately.`}
        >
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              className="input"
              autoComplete="new-password"
              value={values.password}
              onChange={set('password')}
            />
          )}
        </FormField>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create user'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
