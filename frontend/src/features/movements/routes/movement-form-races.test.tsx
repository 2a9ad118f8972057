// A scanner types faster than the API answers: what the movement form does when a lookup is
// still out as the next key, click or submit arrives.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeLocation, page } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-route';
import { heldBack, jsonResponse } from '@/testing/responses';
import { item, movementsApi, received } from './movements-test-api';

const binAnswer = () =>
  jsonResponse(page([makeLocation({ id: 10, code: 'WH1-A-03', name: 'Aisle A, bin 3' })]));

describe('movement form while a lookup is out', () => {
  it('when another slot is chosen while a scanned location is looked up, then both stay chosen', async () => {
    const lookup = heldBack(binAnswer);
    movementsApi(received, { 'GET /api/v1/locations': lookup.answer });
    const { user } = renderRoute('/movements/new?kind=transfer');

    await user.type(
      await screen.findByRole('textbox', { name: 'From location code' }),
      'WH1-A-03{Enter}',
    );
    await screen.findByText('Looking up…');
    const to = screen.getByRole('combobox', { name: 'or choose to location' });
    await screen.findAllByRole('option', { name: /WH1 — Main warehouse/ });
    await user.selectOptions(to, '1');
    await act(() => lookup.release());

    const from = screen.getByRole('combobox', { name: 'or choose from location' });
    await waitFor(() => expect(from).toHaveDisplayValue(/WH1-A-03/));
    expect(to).toHaveDisplayValue(/WH1 — Main warehouse/);
  });

  it('when the same slot is chosen from the list while its scanned code is looked up, then the later choice stands', async () => {
    const lookup = heldBack(binAnswer);
    const api = movementsApi(received, { 'GET /api/v1/locations': lookup.answer });
    const { user } = renderRoute('/movements/new?kind=receive');

    const code = await screen.findByRole('textbox', { name: 'To location code' });
    await user.type(code, 'WH1-A-03{Enter}');
    await screen.findAllByRole('option', { name: /WH1 — Main warehouse/ });
    await user.selectOptions(screen.getByRole('combobox', { name: 'or choose to location' }), '1');
    await act(() => lookup.release());

    await waitFor(() => expect(code).toHaveValue(''));
    expect(api.requestsTo('GET', '/api/v1/locations')).toHaveLength(1);
    expect(screen.getByRole('combobox', { name: 'or choose to location' })).toHaveDisplayValue(
      /WH1 — Main warehouse/,
    );
  });

  it('when the form is submitted while the scanned item is looked up, then it waits and records the movement', async () => {
    const lookup = heldBack(() => jsonResponse(item));
    const api = movementsApi(received, { 'GET /api/v1/items/lookup': lookup.answer });
    const { user } = renderRoute('/movements/new?kind=receive');

    await screen.findByRole('option', { name: /WH1-A-03/ });
    await user.selectOptions(screen.getByRole('combobox', { name: 'or choose to location' }), '10');
    await user.type(screen.getByRole('textbox', { name: 'Item' }), 'SKU-1{Enter}');
    await user.type(screen.getByRole('textbox', { name: /^Quantity/ }), '5{Enter}');
    expect(api.requestsTo('POST', '/api/v1/movements')).toHaveLength(0);
    await act(() => lookup.release());

    expect(await screen.findByText('Received 5 each of SKU-1 into WH1-A-03.')).toBeInTheDocument();
    const posts = api.requestsTo('POST', '/api/v1/movements');
    expect(posts.map((post) => post.body)).toEqual([
      { kind: 'receive', itemId: 1, toLocationId: 10, quantity: '5' },
    ]);
  });

  it('when the item code is edited while its lookup is out, then the late answer is dropped', async () => {
    const lookup = heldBack(() => jsonResponse(item));
    movementsApi(received, { 'GET /api/v1/items/lookup': lookup.answer });
    const { user } = renderRoute('/movements/new?kind=receive');

    const itemField = await screen.findByRole('textbox', { name: 'Item' });
    await user.type(itemField, 'SKU-1{Enter}');
    await user.type(itemField, 'X');
    await act(() => lookup.release());

    expect(itemField).toHaveValue('SKU-1X');
    expect(screen.queryByText(/Hex bolt M6/)).not.toBeInTheDocument();
    expect(screen.queryByText('Looking up…')).not.toBeInTheDocument();
  });

  it('when a kind is clicked, then its radio is checked at once and the URL follows', async () => {
    movementsApi(received);
    const { router } = renderRoute('/movements/new?kind=receive');

    const ship = await screen.findByRole('radio', { name: 'Ship' });
    fireEvent.click(ship);

    expect(ship).toBeChecked();
    expect(screen.getByRole('button', { name: 'Ship' })).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe('?kind=ship'));
    expect(ship).toBeChecked();
  });
});
