import { useId, useState, type FormEvent } from 'react';
import { ConfirmAction } from '../../../components/confirm-action';
import { ROLES, type Role, type User } from '../../../lib/api-types';
import { ApiError, describeActionError } from '../../../lib/api-errors';
import { formatDateTime } from '../../../lib/format-date';
import { passwordProblem } from '../../../lib/passwords';
import { roleLabels } from '../../../lib/permissions';
import { useResetUserPassword } from '../api/reset-user-password';
import { ClearSignInButton } from './clear-sign-in-button';
import { useUpdateUser, type UserPatch } from '../api/update-user';

interface UserRowProps {
  user: User;
  isSelf: boolean;
  onMessage: (message: string) => void;
}

/**
 * One account: change role in place, deactivate/reactivate after a confirmation, reset
 * password, clear a sign-in lock.
 */
export function UserRow({ user, isSelf, onMessage }: UserRowProps) {
  const id = useId();
  const update = useUpdateUser(user.id);
  const reset = useResetUserPassword(user.id);
  const [field, setField] = useState<'role' | 'active' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();

  const change = (patch: UserPatch, which: 'role' | 'active', done: string) => {
    setField(which);
    update.mutate(patch, {
      onSuccess: () => {
        setConfirming(false);
        onMessage(done);
      },
    });
  };
  const updateError = update.error
    ? update.error instanceof ApiError && update.error.code === 'LAST_ADMIN'
      ? (update.error.detail ?? 'Stockroom needs at least one active admin.')
      : describeActionError(update.error, 'manage users')
    : undefined;
  const roleError = field === 'role' ? updateError : undefined;
  const activeError = field === 'active' ? updateError : undefined;

  const submitReset = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = passwordProblem(password);
    setPasswordError(problem);
    if (problem) return;
    reset.mutate(password, {
      onSuccess: () => {
        setResetting(false);
        setPassword('');
        onMessage(`Password reset for ${user.name}; their sessions were ended.`);
      },
    });
  };
  const resetError =
    passwordError ??
    (reset.error ? describeActionError(reset.error, 'reset passwords') : undefined);

  return (
    <tr>
      <td data-label="Name">
        {user.name}
        {isSelf ? <span className="muted"> (you)</span> : null}
      </td>
      <td data-label="Email">{user.email}</td>
      <td data-label="Role">
        <label className="visually-hidden" htmlFor={`${id}-role`}>
          Role of {user.name}
        </label>
        <select
          id={`${id}-role`}
          className="input"
          value={user.role}
          disabled={update.isPending}
          aria-invalid={roleError ? true : undefined}
          aria-describedby={roleError ? `${id}-role-error` : undefined}
          onChange={(event) => {
            const role = event.target.value as Role;
            change({ role }, 'role', `${user.name} is now ${roleLabels[role]}.`);
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
        {roleError ? (
          <p className="field__error" id={`${id}-role-error`} role="alert">
            {roleError}
          </p>
        ) : null}
      </td>
      <td data-label="Status">
        {user.active ? (
          <span className="badge badge--ok">Active</span>
        ) : (
          <span className="badge badge--archived">Deactivated</span>
        )}
      </td>
      <td data-label="Last sign-in">
        {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : <span className="muted">Never</span>}
      </td>
      <td data-label="Actions">
        <div className="button-row">
          {confirming ? null : (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                update.reset();
                setConfirming(true);
              }}
            >
              {user.active ? 'Deactivate' : 'Reactivate'}
              <span className="visually-hidden"> {user.name}</span>
            </button>
          )}
          {resetting ? null : (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                reset.reset();
                setResetting(true);
              }}
            >
              Reset password<span className="visually-hidden"> of {user.name}</span>
            </button>
          )}
          <ClearSignInButton user={user} onMessage={onMessage} />
        </div>
        {confirming ? (
          <ConfirmAction
            message={
              user.active
                ? `Deactivate ${user.name}? They are signed out and can no longer sign in; their API tokens are disabled.`
                : `Reactivate ${user.name}? They can sign in again. Their API tokens stay disabled until enabled on the API tokens page.`
            }
            confirmLabel={user.active ? 'Yes, deactivate' : 'Yes, reactivate'}
            pending={update.isPending}
            tone={user.active ? 'danger' : 'primary'}
            onConfirm={() =>
              change(
                { active: !user.active },
                'active',
                `${user.name} is ${user.active ? 'deactivated' : 'active again'}.`,
              )
            }
            onCancel={() => setConfirming(false)}
          />
        ) : null}
        {activeError ? (
          <p className="field__error" role="alert">
            {activeError}
          </p>
        ) : null}
        {resetting ? (
          <form
            className="confirm"
            onSubmit={submitReset}
            noValidate
            aria-label={`Reset password of ${user.name}`}
          >
            <label className="field__label" htmlFor={`${id}-password`}>
              New password for {user.name}
            </label>
            <input
              id={`${id}-password`}
              type="password"
              className="input"
              autoComplete="new-password"
              value={password}
              aria-invalid={resetError ? true : undefined}
              aria-describedby={resetError ? `${id}-password-error` : undefined}
              onChange={(event) => {
                setPassword(event.target.value);
                setPasswordError(undefined);
              }}
            />
            {resetError ? (
              <p className="field__error" id={`${id}-password-error`}>
                {resetError}
              </p>
            ) : null}
            <div className="button-row">
              <button type="submit" className="button" disabled={reset.isPending}>
                {reset.isPending ? 'Resetting…' : 'Set password'}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setResetting(false)}
              >
                Cancel
              </button>
            </div>
          </form>
        ) : null}
      </td>
    </tr>
  );
}
