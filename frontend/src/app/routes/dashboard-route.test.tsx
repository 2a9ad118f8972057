import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cursorPage, makeMovement, page } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

const summary = {
  activeItems: 1234,
  activeLocations: 12,
  stockLines: 3456,
  lowStockItems: 1,
  movementsLast24h: 7,
};

function dashboardApi(overrides: Record<string, () => Response | Promise<Response>> = {}) {
  return mockApi({
    'GET /api/ready': () => jsonResponse({ status: 'ready', checks: {} }),
    'GET /api/v1/stock/summary': () => jsonResponse(summary),
    'GET /api/v1/stock/low': () =>
      jsonResponse(
        page([
          {
            item: { id: 1, sku: 'SKU-1', name: 'Hex bolt M6', unit: 'each', reorderPoint: '10' },
            onHand: '3',
            shortfall: '7',
          },
        ]),
      ),
    'GET /api/v1/movements': () => jsonResponse(cursorPage([makeMovement()])),
    ...overrides,
  });
}

describe('DashboardRoute', () => {
  it('when data loads, then it shows counts, low stock with shortfall and the latest movements', async () => {
    const api = dashboardApi();
    renderRoute('/');

    expect(await screen.findByText('1,234')).toBeInTheDocument();
    const low = await screen.findByRole('table', { name: 'Items at or below their reorder point' });
    const row = within(low).getAllByRole('row')[1]!;
    expect(within(row).getByRole('link', { name: 'SKU-1' })).toHaveAttribute('href', '/items/1');
    expect(row).toHaveTextContent('3 each');
    expect(row).toHaveTextContent('10 each');
    expect(row).toHaveTextContent('7 each');
    const recent = await screen.findByRole('table', { name: 'Latest movements' });
    expect(recent).toHaveTextContent('Receive');
    expect(recent).toHaveTextContent('→ WH1-A-03');
    expect(api.requestsTo('GET', '/api/v1/movements')[0]?.url.searchParams.get('limit')).toBe('10');
  });

  it('when there are no items yet, then it invites creating the first one', async () => {
    dashboardApi({
      'GET /api/v1/stock/summary': () =>
        jsonResponse({ ...summary, activeItems: 0, stockLines: 0, lowStockItems: 0 }),
      'GET /api/v1/stock/low': () => jsonResponse(page([], 0)),
      'GET /api/v1/movements': () => jsonResponse(cursorPage([])),
    });
    renderRoute('/');

    expect(
      await screen.findByRole('heading', { name: 'No items yet — create your first item' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'New item' })).toHaveAttribute('href', '/items/new');
    expect(
      await screen.findByRole('heading', { name: 'Nothing is running low' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'No movements yet' })).toBeInTheDocument();
  });

  it('when a report fails, then that section shows an error with Retry and the rest still works', async () => {
    dashboardApi({
      'GET /api/v1/stock/low': () =>
        problemResponse({
          title: 'Internal Server Error',
          status: 500,
          code: 'INTERNAL',
          detail: 'Boom',
          requestId: 'req-5',
        }),
    });
    renderRoute('/');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Boom');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Latest movements' })).toBeInTheDocument();
  });

  it('when items are low, then "See all low stock" opens the Items filter sorted by shortfall', async () => {
    dashboardApi();
    renderRoute('/');

    const link = await screen.findByRole('link', { name: 'See all low stock' });
    expect(link).toHaveAttribute('href', '/items?lowStock=1&sort=shortfall');
  });

  it('while the lists load, then their placeholders have as many rows as the lists will (no layout shift)', async () => {
    dashboardApi({
      'GET /api/v1/stock/summary': () => jsonResponse({ ...summary, lowStockItems: 3 }),
      'GET /api/v1/stock/low': () => new Promise<Response>(() => undefined),
      'GET /api/v1/movements': () => new Promise<Response>(() => undefined),
    });
    renderRoute('/');

    const rowsOf = async (label: string) =>
      (await screen.findByText(label)).closest('.table-wrap')?.querySelectorAll('tbody tr').length;
    expect(await rowsOf('Loading low stock…')).toBe(3);
    expect(await rowsOf('Loading recent movements…')).toBe(10);
  });
});
