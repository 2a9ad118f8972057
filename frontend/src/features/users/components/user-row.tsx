import { useState } from 'react';
import { ConfirmAction } from '@/components/confirm-action';
import type { PendingInvitation, User } from '@/lib/api-types';
import { ApiError, describeActionError } from '@/lib/api-errors';
import { useTimeZone } from '@/hooks/use-settings';
import { formatDateTime } from '@/lib/format-date';
import { ClearSignInButton } from './clear-sign-in-button';
import { useUpdateUser, type UserPatch } from '../api/update-user';
import { ResendInvitationButton } from './resend-invitation-button';
import { ResetPasswordForm } from './reset-password-form';
import { RoleField } from './role-field';

interface UserRowProps {
  user: User;
  isSelf: boolean;
  /** Their invitation, while it waits to be accepted. */
  invitation?: PendingInvitation;
  onMessage: (message: string) => void;
}

/**
 * One account: change role (saved explicitly), deactivate/reactivate after a confirmation,
 * reset password, clear a sign-in lock, resend a waiting invitation.
 */
export function UserRow({ user, isSelf, invitation, onMessage }: UserRowProps) {
  const timeZone = useTimeZone();
  const update = useUpdateUser(user.id);
  const [confirming, setConfirming] = useState(false);
  const [resetting, setResetting] = useState(false);

  const change = (patch: UserPatch, done: string) =>
    update.mutate(patch, {
      onSuccess: () => {
        setConfirming(false);
        onMessage(done);
      },
    });
  const activeError = update.error
    ? update.error instanceof ApiError && update.error.code === 'LAST_ADMIN'
      ? (update.error.detail ?? 'Stockroom needs at least one active admin.')
      : describeActionError(update.error, 'manage users')
    : undefined;

  return (
    <tr>
      <td data-label="Name">
        {user.name}
        {isSelf ? <span className="muted"> (you)</span> : null}
      </td>
      <td data-label="Email">{user.email}</td>
      <td data-label="Role">
        <RoleField user={user} onMessage={onMessage} />
      </td>
      <td data-label="Status">
        {!user.active ? (
          <span className="badge badge--archived">Deactivated</span>
        ) : invitation ? (
          <span className={`badge ${invitation.expired ? 'badge--warning' : 'badge--muted'}`}>
            {invitation.expired ? 'Invitation expired' : 'Invited'}
          </span>
        ) : (
          <span className="badge badge--ok">Active</span>
        )}
      </td>
      <td data-label="Last sign-in">
        {user.lastLoginAt ? (
          formatDateTime(user.lastLoginAt, timeZone)
        ) : (
          <span className="muted">Never</span>
        )}
      </td>
      <td data-label="Actions">
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={confirming}
            onClick={() => {
              update.reset();
              setConfirming(true);
            }}
          >
            {user.active ? 'Deactivate' : 'Reactivate'}
            <span className="visually-hidden"> {user.name}</span>
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={resetting}
            onClick={() => setResetting(true)}
          >
            Reset password<span className="visually-hidden"> of {user.name}</span>
          </button>
          {invitation ? <ResendInvitationButton user={user} onMessage={onMessage} /> : null}
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
          <ResetPasswordForm
            user={user}
            onCancel={() => setResetting(false)}
            onDone={(message) => {
              setResetting(false);
              onMessage(message);
            }}
          />
        ) : null}
      </td>
    </tr>
  );
}
