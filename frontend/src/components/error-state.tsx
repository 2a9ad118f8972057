import type { ReactNode } from 'react';
import './states.css';
import { ErrorId } from './error-id';

interface ErrorStateProps {
  title: string;
  message?: ReactNode;
  /** Shown so a person can quote it when asking for help; matches the server's logs. */
  requestId?: string | undefined;
  onRetry?: () => void;
  retrying?: boolean;
}

export function ErrorState({
  title,
  message,
  requestId,
  onRetry,
  retrying = false,
}: ErrorStateProps) {
  return (
    <div className="state state--error" role="alert">
      <h2 className="state__title">{title}</h2>
      {message ? <p className="state__message">{message}</p> : null}
      <ErrorId id={requestId} className="state__meta" />
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      ) : null}
    </div>
  );
}
