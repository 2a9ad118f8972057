import { ApiError } from '@/lib/api-errors';
import { formatDuration } from '@/lib/format-duration';

/** The alert's title and words for a refused sign-in: wrong credentials, throttling, offline. */
export function signInProblem(error: unknown): { title: string; detail: string } {
  if (error instanceof ApiError && error.status === 401) {
    return { title: 'Not signed in', detail: 'Email or password is wrong.' };
  }
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfterSeconds;
    return {
      title: 'Too many attempts',
      detail:
        wait === undefined
          ? 'Too many sign-in attempts. Wait a while, then try again.'
          : `Too many sign-in attempts. Try again in ${formatDuration(wait)}.`,
    };
  }
  if (error instanceof ApiError)
    return { title: 'Not signed in', detail: error.detail ?? error.title };
  return {
    title: 'Not signed in',
    detail: 'Stockroom could not reach its server. Check the connection and try again.',
  };
}
