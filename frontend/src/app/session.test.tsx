import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cursorPage, keysetPage, makeItem, makeMovement, page } from '../testing/fixtures';
import { mockApi } from '../testing/mock-api';
import { renderRoute } from '../testing/render-route';
import { jsonResponse } from '../testing/responses';
import { meResponse, unauthenticated, type SessionOptions } from '../testing/session';
import type { Role } from '../lib/api-types';

const item = makeItem({ id: 1, sku: 'SKU-1', name: 'Hex bolt M6' });

function inventoryApi(session: SessionOptions = {}, overrides: Parameters<typeof mockApi>[0] = {}) {
  return mockApi(
    {
      'GET /api/ready': () => jsonResponse({ status: 'ready', checks: {} }),
      'GET /api/v1/stock/summary': () =>
        jsonResponse({
          activeItems: 1,
          activeLocations: 1,
          stockLines: 1,
          lowStockItems: 0,
          movementsLast24h: 1,
        }),
      'GET /api/v1/stock/low': () => jsonResponse(page([], 0)),
      'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
      'GET /api/v1/items': () => jsonResponse(keysetPage([item])),
      'GET /api/v1/items/1': () => jsonResponse(item),
      'GET /api/v1/items/1/stock': () => jsonResponse({ itemId: 1, total: '0', data: [] }),
      'GET /api/v1/movements': () => jsonResponse(cursorPage([makeMovement()])),
      ...overrides,
    },
    session,
  );
}

describe('session guard', () => {
  it('when nobody is signed in, then a deep link goes to /sign-in?next= and back after signing in', async () => {
    let signedIn = false;
    inventoryApi(
      {},
      {
        'GET /api/v1/auth/me': () => (signedIn ? meResponse('manager') : unauthenticated()),
        'POST /api/v1/auth/login': () => {
          signedIn = true;
          return jsonResponse({
            user: { id: 2, email: 'm@example.com', name: 'Max', role: 'manager' },
          });
        },
      },
    );
    const { user, router } = renderRoute('/items/1?tab=stock');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/items/1?tab=stock')}`);

    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'm@example.com');
    await user.type(screen.getByLabelText('Password'), 'long enough password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'SKU-1 — Hex bolt M6' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/items/1');
    expect(router.state.location.search).toBe('?tab=stock');
  });

  it('when any request answers 401 mid-session, then the person is sent to sign in with the page as next', async () => {
    inventoryApi({}, { 'GET /api/v1/items': () => unauthenticated() });
    const { router } = renderRoute('/items?q=bolt');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/items?q=bolt')}`);
  });

  it('when signing out from the user menu, then the session ends and the sign-in page shows', async () => {
    const api = inventoryApi(
      {},
      { 'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }) },
    );
    const { user, router } = renderRoute('/');

    const toggle = await screen.findByRole('button', { name: /Admin User/ });
    expect(toggle).toHaveTextContent('Admin');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: 'Change password' })).toHaveAttribute(
      'href',
      '/account/password',
    );
    api.fetchMock.mockClear();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(api.requestsTo('POST', '/api/v1/auth/logout')[0]?.headers.get('x-requested-with')).toBe(
      'stockroom',
    );
  });

  it('when the organisation has a name, then the header shows it', async () => {
    inventoryApi({ settings: { organisationName: 'Acme Spares' } });
    renderRoute('/');

    const banner = await screen.findByRole('banner');
    expect(await within(banner).findByRole('link', { name: 'Acme Spares' })).toBeInTheDocument();
  });
});

describe('role-aware UI', () => {
  const adminLinks = ['Users', 'API tokens', 'Audit log', 'Settings'];

  async function nav(role: Role) {
    inventoryApi({ role });
    renderRoute('/items');
    await screen.findByRole('table', { name: 'Items' });
    return screen.getByRole('navigation', { name: 'Main' });
  }

  it('when a viewer opens items, then there is no New item and no admin nav', async () => {
    const main = await nav('viewer');
    expect(screen.queryByRole('link', { name: 'New item' })).not.toBeInTheDocument();
    for (const label of adminLinks) {
      expect(within(main).queryByRole('link', { name: label })).not.toBeInTheDocument();
    }
  });

  it('when a viewer opens an item, then Edit, Archive and the movement shortcuts are not offered', async () => {
    inventoryApi({ role: 'viewer' });
    renderRoute('/items/1');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'SKU-1 — Hex bolt M6' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archive' })).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Record a movement' })).not.toBeInTheDocument();
  });

  it('when a viewer opens movements, then Record and Reverse are not offered', async () => {
    inventoryApi({ role: 'viewer' });
    const { user } = renderRoute('/movements');

    await screen.findByRole('table', { name: 'Movements, newest first' });
    expect(screen.queryByRole('link', { name: 'Record a movement' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Details/ }));
    expect(screen.queryByRole('button', { name: 'Reverse…' })).not.toBeInTheDocument();
  });

  it('when a viewer follows a link to the new item form, then it says they lack permission', async () => {
    inventoryApi({ role: 'viewer' });
    renderRoute('/items/new');

    expect(
      await screen.findByRole('heading', { name: "You don't have permission to change items" }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create item' })).not.toBeInTheDocument();
  });

  it('when an operator opens movements and items, then movement actions show but item create does not', async () => {
    inventoryApi({ role: 'operator' });
    const { user, router } = renderRoute('/movements');

    expect(await screen.findByRole('link', { name: 'Record a movement' })).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Movements, newest first' });
    await user.click(screen.getByRole('button', { name: /Details/ }));
    expect(screen.getByRole('button', { name: 'Reverse…' })).toBeInTheDocument();

    router.navigate('/items');
    await screen.findByRole('table', { name: 'Items' });
    expect(screen.queryByRole('link', { name: 'New item' })).not.toBeInTheDocument();
  });

  it('when an admin is signed in, then the admin pages are in the nav', async () => {
    const main = await nav('admin');
    for (const label of adminLinks) {
      expect(within(main).getByRole('link', { name: label })).toBeInTheDocument();
    }
    expect(screen.getByRole('link', { name: 'New item' })).toBeInTheDocument();
  });
});
