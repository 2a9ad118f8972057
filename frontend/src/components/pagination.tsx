import { formatCount } from '../lib/quantity';

interface PaginationProps {
  offset: number;
  limit: number;
  total: number;
  /** What is being counted, for the screen-reader label: "items", "locations". */
  noun: string;
  onChange: (offset: number) => void;
  disabled?: boolean;
}

/** "1–50 of 1,234" with Previous / Next; the range is announced when it changes. */
export function Pagination({ offset, limit, total, noun, onChange, disabled }: PaginationProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const hasPrevious = offset > 0;
  const hasNext = offset + limit < total;
  return (
    <nav className="pagination" aria-label={`Pages of ${noun}`}>
      <p className="pagination__range" aria-live="polite">
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)}
      </p>
      <div className="pagination__buttons">
        <button
          type="button"
          className="button button--secondary"
          disabled={disabled || !hasPrevious}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          Previous
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={disabled || !hasNext}
          onClick={() => onChange(offset + limit)}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
