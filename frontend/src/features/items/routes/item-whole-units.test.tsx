import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeItem } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

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
});
