import type { ReactNode } from 'react';

interface StatusLineProps {
  tone?: 'success' | 'info';
  children?: ReactNode;
}

/**
 * A polite live region for confirmations ("Received 5 each…"). It is always rendered so
 * screen readers are already watching it when the message arrives.
 */
export function StatusLine({ tone = 'success', children }: StatusLineProps) {
  return (
    <div className={`status-line${children ? ` status-line--${tone}` : ''}`} role="status">
      {children}
    </div>
  );
}
