import { describeActionError } from '@/lib/api-errors';
import type { User } from '@/lib/api-types';
import { useClearSignInThrottle } from '../api/clear-sign-in-throttle';
import { pluralize } from '@/lib/plural';

interface ClearSignInButtonProps {
  user: User;
  onMessage: (message: string) => void;
}

/**
 * Forgets a user's failed sign-ins, for someone kept waiting by "too many attempts"
 * (their own typos or someone guessing). Harmless to press, so it asks nothing first.
 */
export function ClearSignInButton({ user, onMessage }: ClearSignInButtonProps) {
  const clear = useClearSignInThrottle(user.id);
  const done = (n: number) =>
    n === 0
      ? `${user.name} had no failed sign-ins to clear.`
      : `Sign-in of ${user.name} unlocked: ${pluralize(n, 'failed attempt', 'failed attempts')} forgotten.`;
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={clear.isPending}
        onClick={() =>
          clear.mutate(undefined, { onSuccess: (r) => onMessage(done(r.clearedFailures)) })
        }
      >
        Clear sign-in lock<span className="visually-hidden"> of {user.name}</span>
      </button>
      {clear.error ? (
        <p className="field__error" role="alert">
          {describeActionError(clear.error, 'clear sign-in locks')}
        </p>
      ) : null}
    </>
  );
}
