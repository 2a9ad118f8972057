import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/api-types';
import { keysetPage } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

// The way in is a link on the Items page, not the main nav (the nav is in the dashboard's
// first load, which has no bytes to spare).
function itemsPageAs(role: Role) {
  mockApi(
    {
      'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
      'GET /api/v1/items': () => jsonResponse(keysetPage([])),
    },
    { role },
  );
  return renderRoute('/items');
}

describe('the way to the import page', () => {
  it('when a manager opens Items, then a link leads to the import page', async () => {
    const { user, router } = itemsPageAs('manager');
    await user.click(await screen.findByRole('link', { name: 'Import from a file' }));
    expect(router.state.location.pathname).toBe('/imports');
    expect(await screen.findByRole('heading', { name: 'Import', level: 1 })).toBeInTheDocument();
  });

  it('when an operator opens Items, then there is no import link', async () => {
    itemsPageAs('operator');
    expect(await screen.findByRole('heading', { name: 'Items', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Import from a file' })).not.toBeInTheDocument();
  });
});
