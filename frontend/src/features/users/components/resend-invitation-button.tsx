import { describeActionError } from '@/lib/api-errors';
import type { User } from '@/lib/api-types';
import { useResendInvitation } from '../api/invitations';

interface ResendInvitationButtonProps {
  user: User;
  onMessage: (message: string) => void;
}

/**
 * Emails a new invitation link (lost, expired or never arrived). The old link stops working,
 * which is harmless to the person waiting for it, so it asks nothing first; the server limits
 * how often (429 explains when to try again).
 */
export function ResendInvitationButton({ user, onMessage }: ResendInvitationButtonProps) {
  const resend = useResendInvitation(user.id);
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={resend.isPending}
        onClick={() =>
          resend.mutate(undefined, {
            onSuccess: () =>
              onMessage(
                `A new invitation is on its way to ${user.email}; the previous link no longer works.`,
              ),
          })
        }
      >
        Resend invitation<span className="visually-hidden"> to {user.name}</span>
      </button>
      {resend.error ? (
        <p className="field__error" role="alert">
          {describeActionError(resend.error, 'resend invitations')}
        </p>
      ) : null}
    </>
  );
}
