import { useEffect } from 'react';
import { useBlocker } from '@/lib/use-blocker';
import { ConfirmAction } from '../confirm-action';

interface LeaveGuardProps {
  /** Whether there is typed work that leaving would throw away. */
  dirty: boolean;
  /** Read at navigation time: a submit's own navigation (after saving) is never held up. */
  submitting: () => boolean;
}

/**
 * Leaving a half-filled form asks first: a link or Back inside the app shows an inline
 * question (which takes focus), and closing or reloading the tab gets the browser's own.
 */
export function LeaveGuard({ dirty, submitting }: LeaveGuardProps) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !submitting() && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (blocker.state !== 'blocked') return null;
  return (
    <ConfirmAction
      message="Leave this form? What you typed has not been saved."
      confirmLabel="Leave without saving"
      pending={false}
      onConfirm={() => blocker.proceed()}
      onCancel={() => blocker.reset()}
    />
  );
}
