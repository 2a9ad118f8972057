// A barcode is never a quantity: what the movement form does with what a scanner types into
// the quantity field, and with the locations a kind switch or a scan leaves behind.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '@/testing/render-route';
import { problemResponse } from '@/testing/responses';
import { movementsApi, received } from './movements-test-api';

type User = ReturnType<typeof renderRoute>['user'];

async function scanItemAndLocation(user: User, label = 'To location') {
  const itemField = await screen.findByRole('textbox', { name: 'Item' });
  await waitFor(() => expect(itemField).toHaveFocus());
  await user.keyboard('SKU-1{Enter}');
  await waitFor(() => expect(screen.getByRole('textbox', { name: `${label} code` })).toHaveFocus());
  await user.keyboard('wh1-a-03{Enter}');
  const quantity = screen.getByRole('textbox', { name: /^Quantity|^Counted quantity/ });
  await waitFor(() => expect(quantity).toHaveFocus());
  return quantity;
}

describe('movement form and a scanner', () => {
  it('when the item is scanned again into the quantity (a double read), then nothing is posted and the quantity is cleared', async () => {
    const api = movementsApi(received);
    const { user } = renderRoute('/movements/new?kind=receive');
    const quantity = await scanItemAndLocation(user);

    await user.keyboard('4006381333931{Enter}');

    expect(
      await screen.findByText(/4006381333931 is the code of SKU-1, not a quantity/),
    ).toBeInTheDocument();
    expect(quantity).toHaveValue('');
    expect(quantity).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(quantity).toHaveFocus());
    expect(api.requestsTo('POST', '/api/v1/movements')).toHaveLength(0);
  });

  it('when a location code is scanned where the quantity is expected, then it is taken as the location, not posted', async () => {
    const api = movementsApi(received);
    const { user } = renderRoute('/movements/new?kind=receive');
    const quantity = await scanItemAndLocation(user);

    await user.keyboard('WH1{Enter}');

    expect(
      await screen.findByText('WH1 is a location: it is now the to location. Enter the quantity.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'or choose to location' })).toHaveDisplayValue(
      /WH1 — Main warehouse/,
    );
    expect(quantity).toHaveValue('');
    expect(api.requestsTo('POST', '/api/v1/movements')).toHaveLength(0);
  });

  it('when a number arrives at scanner speed, then it asks first; Escape clears it and puts focus back', async () => {
    const api = movementsApi(received);
    const { user } = renderRoute('/movements/new?kind=receive');
    const quantity = await scanItemAndLocation(user);

    // user-event types each key within a few milliseconds, as a wedge scanner does.
    await user.keyboard('96385074{Enter}');
    const question = await screen.findByRole('group', { name: 'Check the quantity' });
    expect(question).toHaveTextContent('96,385,074 each arrived at scanner speed.');
    await waitFor(() => expect(question).toHaveFocus());
    expect(api.requestsTo('POST', '/api/v1/movements')).toHaveLength(0);

    // A second read's Enter while the question has focus confirms nothing.
    await user.keyboard('{Enter}');
    expect(api.requestsTo('POST', '/api/v1/movements')).toHaveLength(0);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Check the quantity' })).not.toBeInTheDocument();
    expect(quantity).toHaveValue('');
    await waitFor(() => expect(quantity).toHaveFocus());
    expect(api.requestsTo('POST', '/api/v1/movements')).toHaveLength(0);
  });

  it('when a quantity far above the item’s usual size is confirmed, then it is posted as typed', async () => {
    const api = movementsApi(received);
    const { user } = renderRoute('/movements/new?kind=receive');
    const quantity = await scanItemAndLocation(user);

    // Pasted, so not scanner speed: the usual size is 5, and 6000 is over 1,000 times that.
    await user.paste('6000');
    await user.keyboard('{Enter}');
    const question = await screen.findByRole('group', { name: 'Check the quantity' });
    expect(question).toHaveTextContent('6,000 each is over 1,000 times the usual 5 each.');

    await user.click(within(question).getByRole('button', { name: 'Yes, record 6,000' }));

    await waitFor(() => expect(api.requestsTo('POST', '/api/v1/movements')).toHaveLength(1));
    expect(api.requestsTo('POST', '/api/v1/movements')[0]?.body).toMatchObject({
      quantity: '6000',
    });
    expect(quantity).toBeInTheDocument();
  });

  it('when the server refuses, then the quantity is cleared so a following scan is not appended', async () => {
    movementsApi(() =>
      problemResponse({
        title: 'Insufficient stock',
        status: 409,
        code: 'INSUFFICIENT_STOCK',
        detail: 'Only 3 each of SKU-1 on hand at WH1-A-03; 9 requested.',
        available: '3',
      }),
    );
    const { user } = renderRoute('/movements/new?kind=ship');
    const quantity = await scanItemAndLocation(user, 'From location');

    await user.keyboard('9{Enter}');
    await screen.findByText('Only 3 each available.');
    await waitFor(() => expect(quantity).toHaveFocus());
    expect(quantity).toHaveValue('');
  });

  it('when the kind changes, then locations the new kind does not use are dropped and kept ones say so', async () => {
    movementsApi(received);
    const { user } = renderRoute('/movements/new?kind=transfer');

    await screen.findAllByRole('option', { name: /WH1-A-03/ });
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'or choose from location' }),
      '10',
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'or choose to location' }), '1');

    await user.click(screen.getByRole('radio', { name: 'Receive' }));
    expect(screen.getByRole('combobox', { name: 'or choose to location' })).toHaveDisplayValue(
      /WH1 — Main warehouse/,
    );
    expect(screen.getByText('Kept from Transfer: check it.')).toBeInTheDocument();

    // Back to transfer: the from-location was dropped, not kept out of sight.
    await user.click(screen.getByRole('radio', { name: 'Transfer' }));
    expect(screen.getByRole('combobox', { name: 'or choose from location' })).toHaveValue('');
  });

  it('when scanning, then the form shows the order it expects and which step is next', async () => {
    movementsApi(received);
    const { user } = renderRoute('/movements/new?kind=receive');

    const steps = await screen.findByRole('list', { name: 'Scan order' });
    const current = () =>
      within(steps).getByText((_, el) => el?.getAttribute('aria-current') === 'step');
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Item (next)', 'To location', 'Quantity']);
    expect(current()).toHaveTextContent('Item');
    await scanItemAndLocation(user);
    expect(current()).toHaveTextContent('Quantity');
  });

  it('when shipping, then the locations that hold the item come first with their stock, and the on-hand there is shown', async () => {
    movementsApi(received);
    const { user } = renderRoute('/movements/new?kind=ship');

    await user.type(await screen.findByRole('textbox', { name: 'Item' }), 'SKU-1{Enter}');
    const select = screen.getByRole('combobox', { name: 'or choose from location' });
    const holders = await within(select).findByRole('group', { name: 'Holds SKU-1' });
    expect(
      within(holders)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['WH1-A-03 — Aisle A, bin 3 (3 each)']);
    await user.selectOptions(select, '10');
    expect(await screen.findByText('On hand at WH1-A-03: 3 each')).toBeInTheDocument();
  });
});
