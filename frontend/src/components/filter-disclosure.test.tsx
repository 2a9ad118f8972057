import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilterDisclosure } from './filter-disclosure';

function screenIsPhone(phone: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: phone,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

function renderFilters(activeCount: number) {
  render(
    <FilterDisclosure activeCount={activeCount}>
      <label>
        Search <input />
      </label>
    </FilterDisclosure>,
  );
  return screen.getByText(/^Filters/).closest('details')!;
}

describe('FilterDisclosure', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('when on a phone, then the filters start folded and the summary opens them', async () => {
    screenIsPhone(true);
    const details = renderFilters(0);
    expect(details).not.toHaveAttribute('open');

    await userEvent.setup().click(screen.getByText('Filters'));
    expect(details).toHaveAttribute('open');
  });

  it('when on a phone with filters set, then the folded summary says how many', () => {
    screenIsPhone(true);
    renderFilters(2);
    expect(screen.getByText('Filters (2 set)')).toBeInTheDocument();
  });

  it('when on a wider screen, then the filters are open', () => {
    screenIsPhone(false);
    expect(renderFilters(1)).toHaveAttribute('open');
  });
});
