import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cursorPage, makeItem, makeMovement } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

const receipt = makeMovement({ id: 100, kind: 'receive', reference: 'PO-7' });
const shipment = makeMovement({
  id: 101,
  kind: 'ship',
  fromLocation: { id: 10, code: 'WH1-A-03', name: 'Aisle A, bin 3' },
  toLocation: null,
  quantity: '2',
  reference: 'SO-1',
});

describe('MovementsRoute', () => {
  it('when filters are applied, then they go into the URL and the request', async () => {
    const api = mockApi({
      'GET /api/v1/movements': () => jsonResponse(cursorPage([receipt, shipment])),
    });
    const { user, router } = renderRoute('/movements');
    await screen.findByRole('table', { name: 'Movements, newest first' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'ship');
    await user.type(screen.getByRole('textbox', { name: 'Reference' }), 'SO-1');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(api.requestsTo('GET', '/api/v1/movements')).toHaveLength(2));
    expect(router.state.location.search).toBe('?kind=ship&reference=SO-1');
    const sent = api.requestsTo('GET', '/api/v1/movements')[1]!.url.searchParams;
    expect(sent.get('kind')).toBe('ship');
    expect(sent.get('reference')).toBe('SO-1');
  });

  it('when the URL names an item code and dates, then the fields show them and the API gets the id and ISO range', async () => {
    const api = mockApi({
      'GET /api/v1/items/lookup': () => jsonResponse(makeItem({ id: 1, sku: 'SKU-1' })),
      'GET /api/v1/movements': () => jsonResponse(cursorPage([receipt])),
    });
    renderRoute('/movements?item=SKU-1&from=2026-11-01&to=2026-11-20');

    await screen.findByRole('table', { name: 'Movements, newest first' });
    expect(screen.getByRole('textbox', { name: 'Item' })).toHaveValue('SKU-1');
    const sent = api.requestsTo('GET', '/api/v1/movements')[0]!.url.searchParams;
    expect(sent.get('itemId')).toBe('1');
    // Days in the team's zone (UTC here); `to` is exclusive, so all of the 20th is included.
    expect(sent.get('from')).toBe('2026-11-01T00:00:00.000Z');
    expect(sent.get('to')).toBe('2026-11-21T00:00:00.000Z');
  });

  it('when the item code in the URL is unknown, then it says so instead of listing everything', async () => {
    const api = mockApi({
      'GET /api/v1/items/lookup': () =>
        problemResponse({ title: 'Not Found', status: 404, code: 'ITEM_NOT_FOUND' }),
      'GET /api/v1/movements': () => jsonResponse(cursorPage([receipt])),
    });
    renderRoute('/movements?item=NOPE');

    expect(await screen.findByRole('alert')).toHaveTextContent('No item with code NOPE.');
    expect(api.requestsTo('GET', '/api/v1/movements')).toHaveLength(0);
  });

  it('when Load more is pressed, then the next cursor is requested and rows are appended', async () => {
    const api = mockApi({
      'GET /api/v1/movements': ({ url }) =>
        url.searchParams.get('cursor') === 'c2'
          ? jsonResponse(cursorPage([shipment]))
          : jsonResponse(cursorPage([receipt], 'c2')),
    });
    const { user } = renderRoute('/movements');
    const table = await screen.findByRole('table', { name: 'Movements, newest first' });

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(screen.getByText('No older movements.')).toBeInTheDocument();
    expect(api.requestsTo('GET', '/api/v1/movements')[1]!.url.searchParams.get('cursor')).toBe(
      'c2',
    );
  });

  it('when a movement is reversed, then it posts the reversal and confirms; a 409 shows its detail', async () => {
    let reversals = 0;
    const api = mockApi({
      'GET /api/v1/movements': () => jsonResponse(cursorPage([receipt])),
      'POST /api/v1/movements/:id/reverse': () => {
        reversals += 1;
        return reversals === 1
          ? jsonResponse(makeMovement({ id: 102, kind: 'ship', reversesMovementId: 100 }), 201)
          : problemResponse({
              title: 'Conflict',
              status: 409,
              code: 'MOVEMENT_ALREADY_REVERSED',
              detail: 'Movement 100 was already reversed by movement 102.',
            });
      },
    });
    const { user } = renderRoute('/movements');
    await screen.findByRole('table', { name: 'Movements, newest first' });

    await user.click(screen.getByRole('button', { name: 'Details of movement 100' }));
    await user.click(screen.getByRole('button', { name: 'Reverse…' }));
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'Wrong bin');
    await user.click(screen.getByRole('button', { name: 'Reverse movement' }));

    expect(
      await screen.findByText('Reversed movement #100; recorded as #102.'),
    ).toBeInTheDocument();
    const [reversal] = api.requestsTo('POST', '/api/v1/movements/100/reverse');
    expect(reversal?.body).toEqual({ note: 'Wrong bin' });
    expect(reversal?.headers.get('Idempotency-Key')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Reverse…' }));
    await user.click(screen.getByRole('button', { name: 'Reverse movement' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Movement 100 was already reversed by movement 102.',
    );
  });
});
