import { ApiError, ApiUnreachableError } from '../lib/api-errors';
import { ErrorState } from './error-state';

interface QueryErrorStateProps {
  error: Error;
  onRetry: () => void;
  retrying?: boolean;
}

/** Turns any fetch failure into words a person can act on, never a raw stack or status code. */
export function QueryErrorState({ error, onRetry, retrying }: QueryErrorStateProps) {
  if (error instanceof ApiUnreachableError) {
    return (
      <ErrorState
        title="Stockroom can't reach its server"
        message="It may be starting up; this page retries automatically."
        onRetry={onRetry}
        retrying={retrying}
      />
    );
  }
  if (error instanceof ApiError && error.status === 403) {
    return (
      <ErrorState
        title="You don't have permission to see this"
        message={error.detail ?? 'Your role does not include this page. Ask an administrator.'}
        requestId={error.requestId}
      />
    );
  }
  const detail = error instanceof ApiError ? (error.detail ?? error.title) : undefined;
  return (
    <ErrorState
      title="Something went wrong"
      message={detail ?? 'An unexpected error occurred. Please try again.'}
      requestId={error instanceof ApiError ? error.requestId : undefined}
      onRetry={onRetry}
      retrying={retrying}
    />
  );
}
