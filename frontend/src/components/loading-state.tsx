import './states.css';

interface LoadingStateProps {
  label?: string;
}

/** Announced politely to screen readers; the spinner itself is decorative. */
export function LoadingState({ label = 'Loading…' }: LoadingStateProps) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="state__spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
