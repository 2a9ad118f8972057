import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeItem } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

describe('NewItemRoute', () => {
  it('when the server rejects the item with a 400, then each error shows on its field with the detail', async () => {
    const api = mockApi({
      'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
      'POST /api/v1/items': () =>
        problemResponse({
          type: 'https://stockroom.dev/problems/validation-failed',
          title: 'Validation failed',
          status: 400,
          detail: 'The request body has 2 problems.',
          code: 'VALIDATION_FAILED',
          requestId: 'req-9',
          errors: [
            { path: 'sku', message: 'must be at most 64 characters' },
            { path: 'barcode', message: 'must be 8–14 digits' },
          ],
        }),
    });
    const { user } = renderRoute('/items/new');

    await user.type(await screen.findByRole('textbox', { name: 'SKU' }), 'LONG-SKU');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Widget');
    await user.type(screen.getByRole('textbox', { name: /Barcode/ }), '12');
    await user.click(screen.getByRole('button', { name: 'Create item' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The request body has 2 problems.');
    expect(alert).toHaveTextContent('Error ID: req-9');
    expect(alert).not.toHaveTextContent('Reference');
    const sku = screen.getByRole('textbox', { name: 'SKU' });
    expect(sku).toHaveAttribute('aria-invalid', 'true');
    expect(sku).toHaveAccessibleDescription(
      expect.stringContaining('Must be at most 64 characters.'),
    );
    expect(screen.getByRole('textbox', { name: /Barcode/ })).toHaveAccessibleDescription(
      expect.stringContaining('Must be 8–14 digits.'),
    );
    expect(sku).toHaveFocus();
    expect(api.requestsTo('POST', '/api/v1/items')[0]?.body).toEqual({
      sku: 'LONG-SKU',
      name: 'Widget',
      unit: 'each',
      barcode: '12',
    });
  });

  it('when required fields are empty, then client hints show and nothing is sent', async () => {
    const api = mockApi({ 'GET /api/v1/items/categories': () => jsonResponse({ data: [] }) });
    const { user } = renderRoute('/items/new');

    await user.click(await screen.findByRole('button', { name: 'Create item' }));

    expect(screen.getByRole('textbox', { name: 'SKU' })).toHaveAccessibleDescription(
      expect.stringContaining('Enter a SKU.'),
    );
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
      expect.stringContaining('Enter a name.'),
    );
    expect(screen.getByRole('textbox', { name: 'SKU' })).toHaveFocus();
    expect(api.requestsTo('POST', '/api/v1/items')).toHaveLength(0);
  });

  it('when the SKU is taken (409), then the detail shows on the SKU field', async () => {
    mockApi({
      'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
      'POST /api/v1/items': () =>
        problemResponse({
          title: 'Conflict',
          status: 409,
          code: 'SKU_TAKEN',
          detail: 'SKU SKU-1 is already used by another item.',
        }),
    });
    const { user } = renderRoute('/items/new');

    await user.type(await screen.findByRole('textbox', { name: 'SKU' }), 'SKU-1');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Widget');
    await user.click(screen.getByRole('button', { name: 'Create item' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('already used');
    expect(screen.getByRole('textbox', { name: 'SKU' })).toHaveAccessibleDescription(
      expect.stringContaining('SKU SKU-1 is already used by another item.'),
    );
  });

  it('when the item is created, then the item page opens with a confirmation', async () => {
    const created = makeItem({ id: 7, sku: 'NEW-1', name: 'Widget' });
    mockApi({
      'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
      'POST /api/v1/items': () => jsonResponse(created, 201),
      'GET /api/v1/items/7': () => jsonResponse(created),
      'GET /api/v1/items/7/stock': () => jsonResponse({ itemId: 7, total: '0', data: [] }),
      'GET /api/v1/movements': () =>
        jsonResponse({ data: [], page: { limit: 20, nextCursor: null } }),
    });
    const { user, router } = renderRoute('/items/new');

    await user.type(await screen.findByRole('textbox', { name: 'SKU' }), 'NEW-1');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Widget');
    await user.click(screen.getByRole('button', { name: 'Create item' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'NEW-1 — Widget' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/items/7');
    expect(screen.getByText('Created NEW-1 — Widget.')).toHaveAttribute('role', 'status');
  });
});

describe('NewItemRoute save and add another', () => {
  it('when "Save and add another" is pressed, then the item is created, the form clears but keeps unit and category, focus goes back to SKU and the save is announced', async () => {
    const created = makeItem({ id: 7, sku: 'NEW-1', name: 'Widget', unit: 'box' });
    const api = mockApi({
      'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
      'POST /api/v1/items': () => jsonResponse(created, 201),
    });
    const { user, router } = renderRoute('/items/new');

    const sku = await screen.findByRole('textbox', { name: 'SKU' });
    await user.type(sku, 'NEW-1');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Widget');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'box');
    await user.type(screen.getByRole('textbox', { name: /Barcode/ }), '4006381333931');
    await user.type(screen.getByRole('combobox', { name: /Category/ }), 'Fasteners');
    await user.click(screen.getByRole('button', { name: 'Save and add another' }));

    expect(await screen.findByText('Created NEW-1 — Widget. Add the next one.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(router.state.location.pathname).toBe('/items/new');
    expect(api.requestsTo('POST', '/api/v1/items')[0]?.body).toMatchObject({
      sku: 'NEW-1',
      unit: 'box',
      category: 'Fasteners',
    });
    expect(sku).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: /Barcode/ })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Unit' })).toHaveValue('box');
    expect(screen.getByRole('combobox', { name: /Category/ })).toHaveValue('Fasteners');
    await waitFor(() => expect(sku).toHaveFocus());
  });
});

describe('NewItemRoute settings', () => {
  it('when the organisation default unit is box, then the form preselects it', async () => {
    mockApi(
      { 'GET /api/v1/items/categories': () => jsonResponse({ data: [] }) },
      { settings: { defaultUnit: 'box' } },
    );
    renderRoute('/items/new');

    expect(await screen.findByRole('combobox', { name: 'Unit' })).toHaveValue('box');
  });
});
