import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cursorPage, makeItem } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

const item = makeItem({ id: 1, sku: 'SKU-1', name: 'Hex bolt M6', onHand: '12.5' });
const live = {
  itemId: 1,
  total: '12.5',
  data: [
    {
      location: { id: 10, code: 'WH1-A-03', name: 'Aisle A, bin 3', archivedAt: null },
      quantity: '12.5',
      updatedAt: '2026-11-20T10:00:00.000Z',
    },
  ],
};
const then = (asOf: string, nextCursor: string | null, quantity = '4') => ({
  asOf,
  data: [
    {
      item: { id: 1, sku: 'SKU-1', name: 'Hex bolt M6', unit: 'each' },
      location: {
        id: nextCursor ? 10 : 11,
        code: nextCursor ? 'WH1-A-03' : 'WH1-A-04',
        name: 'Bin',
      },
      quantity,
    },
  ],
  page: { limit: 200, nextCursor },
});

function api() {
  return mockApi(
    {
      'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
      'GET /api/v1/items/1': () => jsonResponse(item),
      'GET /api/v1/items/1/stock': () => jsonResponse(live),
      'GET /api/v1/movements': () => jsonResponse(cursorPage([])),
      'GET /api/v1/stock': ({ url }) =>
        jsonResponse(
          url.searchParams.get('cursor')
            ? then(url.searchParams.get('asOf')!, null, '1')
            : then(url.searchParams.get('asOf')!, 'more'),
        ),
    },
    { settings: { timeZone: 'Europe/Berlin' } },
  );
}

describe('the "as of" picker on an item page', () => {
  it('when a past moment is picked, then the stock then is shown from the API, page by page, and "Now" goes back', async () => {
    const { requestsTo } = api();
    const { user } = renderRoute('/items/1');
    await screen.findByRole('table', { name: 'Stock by location' });
    const when = screen.getByLabelText('Stock as of');
    expect(when).toHaveAccessibleDescription(/Europe\/Berlin/);
    fireEvent.change(when, { target: { value: '2026-11-01T10:00' } });
    await user.click(screen.getByRole('button', { name: 'Show' }));

    const table = await screen.findByRole('table', {
      name: 'Stock by location as of 1 Nov 2026, 10:00',
    });
    // 10:00 in Berlin (winter, UTC+1) is 09:00 UTC.
    const asked = requestsTo('GET', '/api/v1/stock')[0]!.url.searchParams;
    expect(asked.get('asOf')).toBe('2026-11-01T09:00:00.000Z');
    expect(asked.get('itemId')).toBe('1');
    expect(within(table).getByRole('link', { name: 'WH1-A-03' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await within(table).findByRole('link', { name: 'WH1-A-04' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Now' }));
    expect(await screen.findByRole('table', { name: 'Stock by location' })).toBeInTheDocument();
    expect(screen.getByLabelText('Stock as of')).toHaveValue('');
  });

  it('when the moment is in the future or missing, then the field says so and nothing is asked', async () => {
    const { requestsTo } = api();
    const { user } = renderRoute('/items/1');
    await screen.findByRole('table', { name: 'Stock by location' });
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByLabelText('Stock as of')).toHaveAccessibleDescription(
      /Enter a date and time/,
    );
    fireEvent.change(screen.getByLabelText('Stock as of'), {
      target: { value: '2999-01-01T10:00' },
    });
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(await screen.findByText('Choose a moment that has passed')).toBeInTheDocument();
    expect(screen.getByLabelText('Stock as of')).toHaveAttribute('aria-invalid', 'true');
    expect(requestsTo('GET', '/api/v1/stock')).toHaveLength(0);
  });
});
