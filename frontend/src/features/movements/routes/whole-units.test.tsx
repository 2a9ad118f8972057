import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeItem } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';
import { movementsApi, received } from './movements-test-api';

async function scanItemAndLocation(user: ReturnType<typeof renderRoute>['user']) {
  const itemField = await screen.findByRole('textbox', { name: 'Item' });
  await waitFor(() => expect(itemField).toHaveFocus());
  await user.keyboard('SKU-1{Enter}');
  const locationCode = screen.getByRole('textbox', { name: 'To location code' });
  await waitFor(() => expect(locationCode).toHaveFocus());
  await user.keyboard('wh1-a-03{Enter}');
  const quantity = screen.getByRole('textbox', { name: /^Quantity/ });
  await waitFor(() => expect(quantity).toHaveFocus());
  return quantity;
}

describe('whole units in the movement form', () => {
  it('when the item is counted in each, then the quantity asks for digits only and a fraction is refused before sending', async () => {
    const api = movementsApi(received);
    const { user } = renderRoute('/movements/new?kind=receive');
    const quantity = await scanItemAndLocation(user);

    expect(quantity).toHaveAttribute('inputmode', 'numeric');
    expect(quantity).toHaveAccessibleDescription(/Whole numbers only/);
    await user.keyboard('1.5{Enter}');

    expect(
      await screen.findByText('SKU-1 is counted in each: enter a whole number.'),
    ).toBeInTheDocument();
    expect(quantity).toHaveAttribute('aria-invalid', 'true');
    expect(api.requestsTo('POST', '/api/v1/movements')).toHaveLength(0);
  });

  it('when the item is measured in kg, then a fraction is sent as typed', async () => {
    const kg = makeItem({ id: 1, sku: 'SKU-1', unit: 'kg', onHand: '3' });
    const api = movementsApi(received, {
      'GET /api/v1/items/lookup': () => jsonResponse(kg),
      'GET /api/v1/items/1': () => jsonResponse(kg),
    });
    const { user } = renderRoute('/movements/new?kind=receive');
    const quantity = await scanItemAndLocation(user);

    expect(quantity).toHaveAttribute('inputmode', 'decimal');
    await user.keyboard('1.5{Enter}');

    await waitFor(() => expect(api.requestsTo('POST', '/api/v1/movements')).toHaveLength(1));
    expect(api.requestsTo('POST', '/api/v1/movements')[0]?.body).toMatchObject({
      quantity: '1.5',
    });
  });
});
