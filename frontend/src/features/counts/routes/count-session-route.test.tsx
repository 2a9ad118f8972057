import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';
import { page } from '@/testing/fixtures';
import { bin, bolt, expectedBolt, makeDetail, makeSession } from './counts-test-data';

const lookups = {
  'GET /api/v1/locations': () => jsonResponse(page([bin])),
  'GET /api/v1/items/lookup': () => jsonResponse(bolt),
};

describe('CountSessionRoute', () => {
  it('when an operator counts with a scanner, then Enter in a code field looks it up and only the quantity records one line', async () => {
    const api = mockApi(
      {
        ...lookups,
        'GET /api/v1/counts/:id': () => jsonResponse(makeDetail()),
        'POST /api/v1/counts/:id/lines': () => jsonResponse({ data: [] }, 201),
      },
      { role: 'operator' },
    );
    const { user } = renderRoute('/counts/5');
    await user.type(
      await screen.findByRole('textbox', { name: 'Location' }, { timeout: 5000 }),
      'A-01{Enter}',
    );
    expect(await screen.findByText(/Counting at/)).toHaveTextContent('A-01');
    await user.type(screen.getByRole('textbox', { name: 'Item' }), 'BOLT-M6{Enter}');
    expect(await screen.findByText(/Hex bolt M6/)).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/counts/5/lines')).toHaveLength(0);
    await user.type(screen.getByRole('textbox', { name: 'Counted quantity' }), '35{Enter}');
    expect(await screen.findByText('Counted 35 each of BOLT-M6 at A-01.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/counts/5/lines').map((r) => r.body)).toEqual([
      { locationId: bin.id, lines: [{ itemId: bolt.id, countedQuantity: '35' }] },
    ]);
  }, 15_000);

  // A barcode is never a quantity: the movement form's scanner checks guard the count too.
  const scanPlaceAndItem = async (user: ReturnType<typeof renderRoute>['user']) => {
    await user.type(
      await screen.findByRole('textbox', { name: 'Location' }, { timeout: 5000 }),
      'A-01{Enter}',
    );
    expect(await screen.findByText(/Counting at/)).toHaveTextContent('A-01');
    await user.type(screen.getByRole('textbox', { name: 'Item' }), 'BOLT-M6{Enter}');
    const quantity = screen.getByRole('textbox', { name: 'Counted quantity' });
    await waitFor(() => expect(quantity).toHaveFocus());
    return quantity;
  };

  it('when the item is scanned again into the quantity, then it is cleared with a message and nothing is recorded', async () => {
    const api = mockApi(
      {
        ...lookups,
        'GET /api/v1/counts/:id': () => jsonResponse(makeDetail()),
        'POST /api/v1/counts/:id/lines': () => jsonResponse({ data: [] }, 201),
      },
      { role: 'operator' },
    );
    const { user } = renderRoute('/counts/5');
    const quantity = await scanPlaceAndItem(user);
    await user.keyboard(`${bolt.sku}{Enter}`);
    expect(
      await screen.findByText(new RegExp(`${bolt.sku} is the code of ${bolt.sku}, not a quantity`)),
    ).toBeInTheDocument();
    expect(quantity).toHaveValue('');
    expect(api.requestsTo('POST', '/api/v1/counts/5/lines')).toHaveLength(0);
  }, 15_000);

  it('when a number arrives at scanner speed, then it asks first: no clears it, yes records it', async () => {
    const api = mockApi(
      {
        ...lookups,
        'GET /api/v1/counts/:id': () => jsonResponse(makeDetail()),
        'POST /api/v1/counts/:id/lines': () => jsonResponse({ data: [] }, 201),
      },
      { role: 'operator' },
    );
    const { user } = renderRoute('/counts/5');
    const quantity = await scanPlaceAndItem(user);
    // user-event types each key within a few milliseconds, as a wedge scanner does.
    await user.keyboard('96385074{Enter}');
    let question = await screen.findByRole('group', { name: 'Check the quantity' });
    expect(question).toHaveTextContent('arrived at scanner speed');
    await user.keyboard('{Enter}');
    expect(api.requestsTo('POST', '/api/v1/counts/5/lines')).toHaveLength(0);
    await user.click(within(question).getByRole('button', { name: 'No, clear it' }));
    expect(quantity).toHaveValue('');
    expect(api.requestsTo('POST', '/api/v1/counts/5/lines')).toHaveLength(0);

    await user.keyboard('96385074{Enter}');
    question = await screen.findByRole('group', { name: 'Check the quantity' });
    await user.click(within(question).getByRole('button', { name: /^Yes, record/ }));
    await waitFor(() => expect(api.requestsTo('POST', '/api/v1/counts/5/lines')).toHaveLength(1));
    expect(api.requestsTo('POST', '/api/v1/counts/5/lines')[0]?.body).toEqual({
      locationId: bin.id,
      lines: [{ itemId: bolt.id, countedQuantity: '96385074' }],
    });
  }, 15_000);

  it('when the session is blind, then the counter sees no expected quantities', async () => {
    mockApi(
      { ...lookups, 'GET /api/v1/counts/:id': () => jsonResponse(makeDetail()) },
      { role: 'operator' },
    );
    const { user } = renderRoute('/counts/5');
    await user.type(
      await screen.findByRole('textbox', { name: 'Location' }, { timeout: 5000 }),
      'A-01{Enter}',
    );
    expect(await screen.findByRole('heading', { name: 'Counted at A-01' })).toBeInTheDocument();
    expect(screen.getByText('Blind count: enter what is on the shelf.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Expected/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/40/)).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Review and approve' })).not.toBeInTheDocument();
  });

  it('when the session is not blind, then what is expected at the place is listed', async () => {
    mockApi(
      {
        ...lookups,
        'GET /api/v1/counts/:id': () =>
          jsonResponse(
            makeDetail({ session: makeSession({ blind: false }), expected: [expectedBolt] }),
          ),
      },
      { role: 'operator' },
    );
    const { user } = renderRoute('/counts/5');
    await user.type(
      await screen.findByRole('textbox', { name: 'Location' }, { timeout: 5000 }),
      'A-01{Enter}',
    );
    expect(await screen.findByRole('heading', { name: 'Expected at A-01' })).toBeInTheDocument();
    expect(screen.getByText(/: 40 each/)).toBeInTheDocument();
  });
});
