import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '@/testing/render-route';
import { movementsApi, received } from './movements-test-api';

describe('movement form and a code no item has', () => {
  it('when a manager scans an unknown code, then the form offers to create an item with that barcode', async () => {
    movementsApi(received, {}, { role: 'manager' });
    const { user } = renderRoute('/movements/new?kind=receive');
    await user.type(
      await screen.findByRole('textbox', { name: 'Item' }, { timeout: 5000 }),
      '0012345678905{Enter}',
    );

    const link = await screen.findByRole('link', {
      name: 'Create an item with barcode 0012345678905',
    });
    expect(link).toHaveAttribute('href', '/items/new?barcode=0012345678905');
  });

  it('when an operator scans an unknown code, then only the error shows (creating items is not theirs)', async () => {
    movementsApi(received, {}, { role: 'operator' });
    const { user } = renderRoute('/movements/new?kind=receive');
    await user.type(
      await screen.findByRole('textbox', { name: 'Item' }, { timeout: 5000 }),
      'NOPE-1{Enter}',
    );

    expect(await screen.findByText('No item with code NOPE-1.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Create an item/ })).not.toBeInTheDocument();
  });

  it('when the new-item form is opened with ?barcode=, then the barcode is filled in', async () => {
    movementsApi(received, {}, { role: 'manager' });
    renderRoute('/items/new?barcode=0012345678905');
    expect(await screen.findByRole('textbox', { name: /Barcode/ })).toHaveValue('0012345678905');
  });
});
