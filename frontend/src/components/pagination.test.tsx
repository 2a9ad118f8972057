import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { countText, Pagination } from './pagination';

const base = { limit: 50, nextCursor: null, prevCursor: null, count: 3, countExact: true };

describe('Pagination', () => {
  it('when the count stopped at its cap, then the text says "more than" instead of a total', () => {
    expect(countText({ count: 1000, countExact: false }, 'item', 'items')).toBe(
      'More than 1,000 items',
    );
    expect(countText({ count: 1, countExact: true }, 'item', 'items')).toBe('1 item');
    render(
      <Pagination
        page={{ ...base, count: 1000, countExact: false, nextCursor: 'N' }}
        shown={50}
        later={false}
        noun="items"
        onChange={() => undefined}
      />,
    );
    expect(screen.getByText('50 shown of more than 1,000')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Pages of items' })).toBeInTheDocument();
  });

  it('when on a later page without a previous cursor, then Previous goes to the first page and Next is off at the end', async () => {
    const onChange = vi.fn();
    render(<Pagination page={base} shown={3} later noun="items" onChange={onChange} />);
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(onChange).toHaveBeenCalledWith(null);
  });

  it('when Next is pressed, then it asks for the next cursor', async () => {
    const onChange = vi.fn();
    render(
      <Pagination
        page={{ ...base, nextCursor: 'NEXT', prevCursor: 'PREV' }}
        shown={50}
        later
        noun="items"
        onChange={onChange}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onChange).toHaveBeenCalledWith('NEXT');
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(onChange).toHaveBeenLastCalledWith('PREV');
  });
});
