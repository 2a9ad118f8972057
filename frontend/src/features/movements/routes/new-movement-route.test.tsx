import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '@/testing/render-route';
import { problemResponse } from '@/testing/responses';
import { movementsApi, received } from './movements-test-api';

async function scanItemAndLocation(user: ReturnType<typeof renderRoute>['user'], label: string) {
  const itemField = await screen.findByRole('textbox', { name: 'Item' });
  await waitFor(() => expect(itemField).toHaveFocus());
  await user.keyboard('SKU-1{Enter}');
  const locationCode = screen.getByRole('textbox', { name: `${label} code` });
  await waitFor(() => expect(locationCode).toHaveFocus());
  await user.keyboard('wh1-a-03{Enter}');
  await waitFor(() => expect(screen.getByRole('textbox', { name: /^Quantity/ })).toHaveFocus());
}

describe('NewMovementRoute (scanner flow)', () => {
  it('when scanning an item and a location and pressing Enter, then it looks both up, submits and gets ready for the next scan', async () => {
    const api = movementsApi(received);
    const { user } = renderRoute('/movements/new?kind=receive');

    await scanItemAndLocation(user, 'To location');
    expect(screen.getByText(/Hex bolt M6/)).toBeInTheDocument();
    // What is at the chosen location, not the item's total.
    expect(screen.getByText('On hand at WH1-A-03: 3 each')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'or choose to location' })).toHaveDisplayValue(
      /WH1-A-03/,
    );
    expect(api.requestsTo('GET', '/api/v1/items/lookup')[0]?.url.searchParams.get('code')).toBe(
      'SKU-1',
    );

    await user.keyboard('5{Enter}');

    expect(await screen.findByText('Received 5 each of SKU-1 into WH1-A-03.')).toBeInTheDocument();
    const [post] = api.requestsTo('POST', '/api/v1/movements');
    expect(post?.body).toEqual({ kind: 'receive', itemId: 1, toLocationId: 10, quantity: '5' });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    // Ready for the next scan: focus back on the item, location kept, quantity cleared.
    const itemField = screen.getByRole('textbox', { name: 'Item' });
    expect(itemField).toHaveFocus();
    expect(itemField).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'or choose to location' })).toHaveDisplayValue(
      /WH1-A-03/,
    );
    expect(screen.getByRole('textbox', { name: /^Quantity/ })).toHaveValue('');
  });

  it('when the scanned code matches no item, then it says so and nothing is submitted', async () => {
    const api = movementsApi(received);
    const { user } = renderRoute('/movements/new');

    const itemField = await screen.findByRole('textbox', { name: 'Item' });
    await waitFor(() => expect(itemField).toHaveFocus());
    await user.keyboard('NOPE-9{Enter}');

    expect(await screen.findByText('No item with code NOPE-9.')).toBeInTheDocument();
    expect(itemField).toHaveAttribute('aria-invalid', 'true');
    expect(itemField).toHaveFocus();
    expect(api.requestsTo('POST', '/api/v1/movements')).toHaveLength(0);
  });

  it('when shipping more than is on hand, then the 409 detail is shown in an alert', async () => {
    movementsApi(() =>
      problemResponse({
        type: 'https://stockroom.dev/problems/insufficient-stock',
        title: 'Insufficient stock',
        status: 409,
        code: 'INSUFFICIENT_STOCK',
        detail: 'Only 3 each of SKU-1 on hand at WH1-A-03; 5 requested.',
        available: '3',
        requested: '5',
        locationCode: 'WH1-A-03',
      }),
    );
    const { user } = renderRoute('/movements/new?kind=ship');

    await scanItemAndLocation(user, 'From location');
    await user.keyboard('5{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Only 3 each of SKU-1 on hand at WH1-A-03; 5 requested.');
    const quantity = screen.getByRole('textbox', { name: /^Quantity/ });
    expect(quantity).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(quantity).toHaveFocus());
    // Cleared: a bin code scanned next is not appended to the refused 5.
    expect(quantity).toHaveValue('');
  });

  it('when a submit fails on the network and is retried, then the same Idempotency-Key is sent, and a new one after success', async () => {
    let calls = 0;
    const api = movementsApi(() => {
      calls += 1;
      if (calls === 1) return Promise.reject(new TypeError('Failed to fetch'));
      return received();
    });
    const { user } = renderRoute('/movements/new?kind=receive');

    await scanItemAndLocation(user, 'To location');
    await user.keyboard('5{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('could not reach its server');

    await user.click(screen.getByRole('button', { name: 'Receive' }));
    await screen.findByText('Received 5 each of SKU-1 into WH1-A-03.');

    await user.keyboard('SKU-1{Enter}');
    await waitFor(() => expect(screen.getByRole('textbox', { name: /^Quantity/ })).toHaveFocus());
    await user.keyboard('5{Enter}');
    await waitFor(() => expect(api.requestsTo('POST', '/api/v1/movements')).toHaveLength(3));

    const keys = api
      .requestsTo('POST', '/api/v1/movements')
      .map((request) => request.headers.get('Idempotency-Key'));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('when opened from an item page with ?itemId=, then the item is filled in and the kind is chosen', async () => {
    movementsApi(received);
    renderRoute('/movements/new?kind=count&itemId=1');

    expect(await screen.findByText(/Hex bolt M6/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Count' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Item' })).toHaveValue('SKU-1');
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Location code' })).toHaveFocus(),
    );
  });

  it('when switching the kind, then the URL follows and the right location fields appear', async () => {
    movementsApi(received);
    const { user, router } = renderRoute('/movements/new');

    await user.click(await screen.findByRole('radio', { name: 'Transfer' }));

    expect(router.state.location.search).toBe('?kind=transfer');
    expect(screen.getByRole('textbox', { name: 'From location code' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'To location code' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Transfer' })).toBeInTheDocument();
  });

  it('when the ?itemId= item does not exist, then the item field says so', async () => {
    movementsApi(received);
    renderRoute('/movements/new?kind=receive&itemId=999');

    expect(
      await screen.findByText('There is no item 999; scan or type one instead.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Item' })).toHaveAttribute('aria-invalid', 'true');
  });
});
