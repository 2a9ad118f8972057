import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keysetPage, makeItem } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

describe('export download links', () => {
  it('when the items page is filtered, then the CSV and Excel links download those items', async () => {
    mockApi({
      'GET /api/v1/items': () => jsonResponse(keysetPage([makeItem({ id: 1 })])),
      'GET /api/v1/items/categories': () => jsonResponse({ data: ['Bolts'] }),
    });
    renderRoute('/items?q=m8&category=Bolts&lowStock=1');
    const csv = await screen.findByRole('link', { name: 'Download these items as CSV' });
    const url = new URL(csv.getAttribute('href')!, 'http://stockroom.test');
    expect(url.pathname).toBe('/api/v1/exports/items');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: 'm8',
      archived: 'active',
      category: 'Bolts',
      lowStock: 'true',
      format: 'csv',
    });
    expect(csv).toHaveAttribute('download');
    const xlsx = screen.getByRole('link', { name: 'Download these items as Excel (XLSX)' });
    expect(xlsx.getAttribute('href')).toContain('format=xlsx');
  });
});
