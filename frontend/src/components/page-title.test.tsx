import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keysetPage, makeItem } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

describe('page titles', () => {
  it('when moving between routes, then the document has one <title>, naming the current page', async () => {
    mockApi({
      'GET /api/v1/items': () => jsonResponse(keysetPage([makeItem({ id: 1 })])),
      'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
      'GET /api/v1/locations/tree': () => jsonResponse({ data: [] }),
    });
    // As in index.html, which the built app starts from.
    document.head.innerHTML = '<title>Stockroom</title>';
    const { user } = renderRoute('/items');
    await screen.findByRole('heading', { level: 1, name: 'Items' });
    expect(document.title).toBe('Items · Stockroom');

    await user.click(screen.getByRole('link', { name: 'Locations' }));
    await screen.findByRole('heading', { level: 1, name: 'Locations' });
    expect(document.title).toBe('Locations · Stockroom');
    expect(document.querySelectorAll('title')).toHaveLength(1);
  });
});
