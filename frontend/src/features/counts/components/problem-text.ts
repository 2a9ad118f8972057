import { ApiError } from '@/lib/api-errors';

/** What to tell the person about a failed request, in the server's words when it gave some. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) return error.detail ?? error.title;
  return 'Stockroom could not be reached. Check the connection and try again.';
}
