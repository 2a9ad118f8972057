import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cursorPage, makeItem, makeMovement } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

describe('item form and whole units', () => {
  it('when an item counted in each gets a fractional reorder point, then it says whole numbers only and sends nothing; kg takes it', async () => {
    const api = mockApi({
      'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
      'POST /api/v1/items': () => jsonResponse(makeItem({ id: 5 }), 201),
    });
    const { user } = renderRoute('/items/new');

    await user.type(await screen.findByRole('textbox', { name: 'SKU' }), 'BOLT-M8');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Bolt');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'each');
    const reorder = screen.getByRole('textbox', { name: /Reorder point/ });
    await user.type(reorder, '2.5');
    await user.click(screen.getByRole('button', { name: 'Create item' }));

    expect(reorder).toHaveAccessibleDescription(
      expect.stringContaining('Items counted in each take a whole number.'),
    );
    expect(api.requestsTo('POST', '/api/v1/items')).toHaveLength(0);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'kg');
    await user.click(screen.getByRole('button', { name: 'Create item' }));
    await waitFor(() => expect(api.requestsTo('POST', '/api/v1/items')).toHaveLength(1));
    expect(api.requestsTo('POST', '/api/v1/items')[0]?.body).toMatchObject({
      unit: 'kg',
      reorderPoint: '2.5',
    });
  });

  it('when the unit of an item with stock is changed, then the 409 ITEM_UNIT_LOCKED shows on the unit field', async () => {
    const item = makeItem({ id: 1, sku: 'SKU-1', unit: 'each', onHand: '3' });
    const detail =
      'Item SKU-1 already has stock or movement history in each, so its unit cannot be changed.';
    mockApi({
      'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
      'GET /api/v1/items/1': () => jsonResponse(item),
      'GET /api/v1/items/1/stock': () => jsonResponse({ itemId: 1, total: '3', data: [] }),
      'GET /api/v1/movements': () => jsonResponse(cursorPage([makeMovement()])),
      'PATCH /api/v1/items/1': () =>
        problemResponse({ title: 'Conflict', status: 409, code: 'ITEM_UNIT_LOCKED', detail }),
    });
    const { user } = renderRoute('/items/1');

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'kg');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const unit = screen.getByRole('combobox', { name: 'Unit' });
    await waitFor(() => expect(unit).toHaveAttribute('aria-invalid', 'true'));
    expect(unit).toHaveAccessibleDescription(expect.stringContaining(detail));
  });
});
