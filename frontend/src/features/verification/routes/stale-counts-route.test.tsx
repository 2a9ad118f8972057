import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

const row = (itemId: number, sku: string, countedAt: string | null) => ({
  item: { id: itemId, sku, name: `Item ${sku}`, unit: 'each' },
  location: { id: 5, code: 'WH1-A', name: 'Aisle A' },
  quantity: '12',
  lastCounted: countedAt
    ? { countedAt, movementId: 90, countedBy: { id: 3, name: 'Ann Counter' } }
    : null,
});

describe('StaleCountsRoute', () => {
  it('when the report loads, then never-counted lines say so, a later page loads on request, and a new filter asks again', async () => {
    const api = mockApi({
      'GET /api/v1/locations/tree': () =>
        jsonResponse({
          data: [
            {
              id: 5,
              code: 'WH1-A',
              name: 'Aisle A',
              parentId: null,
              archivedAt: null,
              depth: 0,
              stockLines: 2,
              itemsHere: 2,
              totals: [],
            },
          ],
        }),
      'GET /api/v1/verification/stale': ({ url }) =>
        url.searchParams.get('cursor') === 'page2'
          ? jsonResponse({
              data: [row(2, 'SKU-2', '2026-10-01T08:00:00.000Z')],
              page: { limit: 50, nextCursor: null },
            })
          : jsonResponse({
              data: [row(1, 'SKU-1', null)],
              page: { limit: 50, nextCursor: 'page2' },
            }),
    });
    const { user } = renderRoute('/reports/not-counted');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Not counted lately' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Stock to count' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('SKU-1');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Never');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByText('Ann Counter')).toBeInTheDocument();
    expect(screen.getByText('End of the list.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Not counted for (days)'));
    await user.type(screen.getByLabelText('Not counted for (days)'), '90');
    await user.selectOptions(await screen.findByLabelText('Where (with everything inside)'), '5');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await screen.findByRole('table', { name: 'Stock to count' });
    const last = api.requests
      .filter((r) => r.url.pathname === '/api/v1/verification/stale')
      .at(-1)!;
    expect(Object.fromEntries(last.url.searchParams)).toMatchObject({
      days: '90',
      locationId: '5',
    });
  });
});
