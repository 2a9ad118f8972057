import { useId, useState } from 'react';
import { ROLES, type Role, type User } from '@/lib/api-types';
import { ApiError, describeActionError } from '@/lib/api-errors';
import { roleLabels } from '@/lib/permissions';
import { useUpdateUser } from '../api/update-user';

interface RoleFieldProps {
  user: User;
  onMessage: (message: string) => void;
}

/**
 * A user's role. Choosing another one (an arrow key on a focused select is enough) changes
 * nothing yet: the change is made by an explicit Save role (WCAG 3.2.2, on input).
 */
export function RoleField({ user, onMessage }: RoleFieldProps) {
  const id = useId();
  const update = useUpdateUser(user.id);
  const [chosen, setChosen] = useState<Role>(user.role);
  const changed = chosen !== user.role;
  const error = update.error
    ? update.error instanceof ApiError && update.error.code === 'LAST_ADMIN'
      ? (update.error.detail ?? 'Stockroom needs at least one active admin.')
      : describeActionError(update.error, 'manage users')
    : undefined;

  const save = () =>
    update.mutate(
      { role: chosen },
      { onSuccess: () => onMessage(`${user.name} is now ${roleLabels[chosen]}.`) },
    );
  const describedBy = [error ? `${id}-error` : '', changed ? `${id}-pending` : '']
    .filter(Boolean)
    .join(' ');

  return (
    <>
      <label className="visually-hidden" htmlFor={`${id}-role`}>
        Role of {user.name}
      </label>
      <select
        id={`${id}-role`}
        className="input"
        value={chosen}
        disabled={update.isPending}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => {
          setChosen(event.target.value as Role);
          update.reset();
        }}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {roleLabels[role]}
          </option>
        ))}
      </select>
      {changed ? (
        <>
          <p className="field__hint" id={`${id}-pending`}>
            Not changed until you save.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--small"
              disabled={update.isPending}
              onClick={save}
            >
              {update.isPending ? 'Saving…' : 'Save role'}
              <span className="visually-hidden"> of {user.name}</span>
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setChosen(user.role);
                update.reset();
              }}
            >
              Undo<span className="visually-hidden"> role change of {user.name}</span>
            </button>
          </div>
        </>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
