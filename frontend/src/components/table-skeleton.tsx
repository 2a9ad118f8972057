interface TableSkeletonProps {
  label: string;
  rows?: number;
}

/** Grey placeholder rows while a list loads; one status line tells screen readers why. */
export function TableSkeleton({ label, rows = 5 }: TableSkeletonProps) {
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, index) => (
        <div className="skeleton__row" key={index} aria-hidden="true">
          <span className="skeleton__bar skeleton__bar--short" />
          <span className="skeleton__bar" />
          <span className="skeleton__bar skeleton__bar--short" />
        </div>
      ))}
    </div>
  );
}
