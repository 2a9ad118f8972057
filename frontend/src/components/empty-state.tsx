import type { ReactNode } from 'react';
import './states.css';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
}

export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="state state--empty">
      <h2 className="state__title">{title}</h2>
      {children ? <div className="state__message">{children}</div> : null}
    </div>
  );
}
