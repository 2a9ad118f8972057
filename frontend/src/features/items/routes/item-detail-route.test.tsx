import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cursorPage, makeItem, makeMovement } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

const item = makeItem({
  id: 1,
  sku: 'SKU-1',
  name: 'Hex bolt M6',
  onHand: '12.5',
  reorderPoint: '10',
});
const stock = {
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

function itemApi(overrides: Record<string, Parameters<typeof mockApi>[0][string]> = {}) {
  return mockApi({
    'GET /api/v1/items/categories': () => jsonResponse({ data: ['Fasteners'] }),
    'GET /api/v1/items/1': () => jsonResponse(item),
    'GET /api/v1/items/1/stock': () => jsonResponse(stock),
    'GET /api/v1/items/1/verification': () =>
      jsonResponse({ itemId: 1, lastCounted: null, data: [] }),
    'GET /api/v1/items/1/stock-history': () =>
      jsonResponse({
        itemId: 1,
        unit: 'each',
        locations: [],
        start: { total: '0', quantities: [] },
        points: [],
        complete: true,
      }),
    'GET /api/v1/movements': ({ url }) =>
      url.searchParams.get('cursor') === 'next'
        ? jsonResponse(cursorPage([makeMovement({ id: 90, reference: 'PO-OLD' })]))
        : jsonResponse(cursorPage([makeMovement({ id: 100 })], 'next')),
    ...overrides,
  });
}

describe('ItemDetailRoute', () => {
  it('when the item loads, then it shows details, stock per location with a total, history and quick actions', async () => {
    const api = itemApi();
    const { user } = renderRoute('/items/1');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'SKU-1 — Hex bolt M6' }),
    ).toBeInTheDocument();
    const stockTable = await screen.findByRole('table', { name: 'Stock by location' });
    expect(within(stockTable).getByRole('link', { name: 'WH1-A-03' })).toHaveAttribute(
      'href',
      '/locations/10',
    );
    expect(within(stockTable).getAllByRole('row').at(-1)).toHaveTextContent('Total12.5 each');
    const receive = within(screen.getByRole('navigation', { name: 'Record a movement' })).getByRole(
      'link',
      {
        name: 'Receive',
      },
    );
    expect(receive).toHaveAttribute('href', '/movements/new?kind=receive&itemId=1');

    const history = await screen.findByRole('table', { name: 'Movements of SKU-1' });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(history).getByText('PO-OLD')).toBeInTheDocument());
    expect(api.requestsTo('GET', '/api/v1/movements').at(-1)?.url.searchParams.get('cursor')).toBe(
      'next',
    );
    // Stock and history exist, so delete is not offered.
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('when archiving is refused because of stock (409), then the detail is shown', async () => {
    itemApi({
      'POST /api/v1/items/1/archive': () =>
        problemResponse({
          title: 'Conflict',
          status: 409,
          code: 'ITEM_HAS_STOCK',
          detail: 'SKU-1 still has 12.5 each on hand; ship or adjust it to zero first.',
        }),
    });
    const { user } = renderRoute('/items/1');

    await user.click(await screen.findByRole('button', { name: 'Archive' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('still has 12.5 each on hand');
  });

  it('when the item has no stock and no history, then Delete is offered and a 409 explains a refusal', async () => {
    itemApi({
      'GET /api/v1/items/1': () => jsonResponse({ ...item, onHand: '0' }),
      'GET /api/v1/items/1/stock': () => jsonResponse({ itemId: 1, total: '0', data: [] }),
      'GET /api/v1/movements': () => jsonResponse(cursorPage([])),
      'DELETE /api/v1/items/1': () =>
        problemResponse({
          title: 'Conflict',
          status: 409,
          code: 'ITEM_IN_USE',
          detail: 'SKU-1 is used by an open order.',
        }),
    });
    const { user } = renderRoute('/items/1');

    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('SKU-1 is used by an open order.');
  });

  it('when Delete asks for a confirmation, then the question takes focus and Escape gives it back to Delete', async () => {
    const api = itemApi({
      'GET /api/v1/items/1': () => jsonResponse({ ...item, onHand: '0' }),
      'GET /api/v1/items/1/stock': () => jsonResponse({ itemId: 1, total: '0', data: [] }),
      'GET /api/v1/movements': () => jsonResponse(cursorPage([])),
    });
    const { user } = renderRoute('/items/1');

    const remove = await screen.findByRole('button', { name: 'Delete' });
    await user.click(remove);
    const question = screen.getByRole('group', { name: /Delete/ });
    await waitFor(() => expect(question).toHaveFocus());

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('button', { name: 'Yes, delete' })).not.toBeInTheDocument();
    await waitFor(() => expect(remove).toHaveFocus());
    expect(api.requestsTo('DELETE', '/api/v1/items/1')).toHaveLength(0);
  });

  it('when editing and clearing the reorder point, then PATCH sends only the change, with null', async () => {
    const api = itemApi({
      'PATCH /api/v1/items/1': () => jsonResponse({ ...item, reorderPoint: null }),
    });
    const { user } = renderRoute('/items/1');

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByRole('textbox', { name: /Reorder point/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(api.requestsTo('PATCH', '/api/v1/items/1')[0]?.body).toEqual({ reorderPoint: null });
  });
});
