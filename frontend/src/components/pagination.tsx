import { ApiError } from '@/lib/api-errors';
import type { KeysetPage } from '@/lib/api-types';
import { EmptyState } from './empty-state';
import { formatCount } from '../lib/quantity';
import { pluralize } from '../lib/plural';

/**
 * "234 items" or "More than 1,000 items": lists count matches only up to a cap (an exact total
 * of a large table costs more than the page itself), and say so instead of guessing.
 */
export function countText(
  page: Pick<KeysetPage, 'count' | 'countExact'>,
  one: string,
  other: string,
) {
  return page.countExact
    ? pluralize(page.count, one, other)
    : `More than ${formatCount(page.count)} ${other}`;
}

interface PaginationProps {
  page: KeysetPage;
  /** Rows on this page. */
  shown: number;
  /** Whether this is a later page (a cursor in the URL): Previous can always go back to the first. */
  later: boolean;
  /** What is being counted: "items", "stocked items". */
  noun: string;
  /** The cursor to load; null for the first page. */
  onChange: (cursor: string | null) => void;
  disabled?: boolean;
}

/** "50 shown of 1,234 items" with Previous / Next by cursor; the text is announced when it changes. */
export function Pagination({ page, shown, later, noun, onChange, disabled }: PaginationProps) {
  return (
    <nav className="pagination" aria-label={`Pages of ${noun}`}>
      <p className="pagination__range" aria-live="polite">
        {formatCount(shown)} shown of{' '}
        {page.countExact ? formatCount(page.count) : `more than ${formatCount(page.count)}`}
      </p>
      <div className="pagination__buttons">
        <button
          type="button"
          className="button button--secondary"
          disabled={disabled || !(page.prevCursor || later)}
          onClick={() => onChange(page.prevCursor)}
        >
          Previous
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={disabled || !page.nextCursor}
          onClick={() => onChange(page.nextCursor)}
        >
          Next
        </button>
      </div>
    </nav>
  );
}

/** A 400 about `cursor`: a page link edited by hand, or from another sort. */
export function isBadCursor(error: Error | null): boolean {
  return error instanceof ApiError && error.status === 400 && /cursor/.test(error.detail ?? '');
}

/** What a bad page link shows instead of "Something went wrong": the way back. */
export function BadCursorState({ onFirstPage }: { onFirstPage: () => void }) {
  return (
    <EmptyState title="This page link no longer works">
      <p>It may have been edited or made for another sort order.</p>
      <p>
        <button type="button" className="button button--secondary" onClick={onFirstPage}>
          Go to the first page
        </button>
      </p>
    </EmptyState>
  );
}
