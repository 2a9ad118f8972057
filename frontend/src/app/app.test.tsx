import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { keysetPage, makeItem } from '../testing/fixtures';
import { mockApi } from '../testing/mock-api';
import { heldBack, jsonResponse } from '../testing/responses';
import { meResponse } from '../testing/session';
import { App } from './app';

const bolt = makeItem({ id: 1, sku: 'BOLT-6', name: 'Hex bolt M6' });

/** The whole app opened at URL, with the session check held back until released. */
function openAt(url: string) {
  window.history.replaceState(null, '', url);
  const session = heldBack(() => meResponse('admin'));
  const api = mockApi({
    'GET /api/v1/auth/me': session.answer,
    'GET /api/v1/items': () => jsonResponse(keysetPage([bolt])),
    'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
  });
  render(<App />);
  return { api, session };
}

describe('App, first load', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('when opened at /items?…, then the list is requested alongside the session check, and only once', async () => {
    const { api, session } = openAt('/items?q=bolt&sort=name&cursor=C1');

    expect(screen.getByText('Checking your session…')).toBeInTheDocument();
    // The items query's code is a small chunk of its own: the request follows it, while the
    // session check is still held back.
    await waitFor(() => expect(api.requestsTo('GET', '/api/v1/items')).toHaveLength(1));
    expect(screen.getByText('Checking your session…')).toBeInTheDocument();
    const [early] = api.requestsTo('GET', '/api/v1/items');
    expect(early?.url.searchParams.get('q')).toBe('bolt');
    expect(early?.url.searchParams.get('sort')).toBe('name');
    expect(early?.url.searchParams.get('cursor')).toBe('C1');

    await act(() => session.release());
    expect(await screen.findByText('Hex bolt M6')).toBeInTheDocument();
    expect(api.requestsTo('GET', '/api/v1/items')).toHaveLength(1);
  });

  it('when opened at the dashboard, then its data is requested alongside the session check', async () => {
    const { api, session } = openAt('/');

    expect(api.requests.map((request) => request.url.pathname).sort()).toEqual([
      '/api/ready',
      '/api/v1/auth/me',
      '/api/v1/movements',
      '/api/v1/settings',
      '/api/v1/stock/low',
      '/api/v1/stock/summary',
    ]);
    await act(() => session.release());
  });

  it('when opened at another page, then only the session and the shell settings are requested before the session is known', async () => {
    const { api, session } = openAt('/locations');

    expect(api.requestsTo('GET', '/api/v1/auth/me')).toHaveLength(1);
    expect(api.requests.map((request) => request.url.pathname)).toEqual([
      '/api/v1/auth/me',
      '/api/v1/settings',
    ]);
    await act(() => session.release());
  });

  it('when opened at sign-in, then only the session is requested', async () => {
    const { api, session } = openAt('/sign-in');

    expect(api.requests.map((request) => request.url.pathname)).toEqual(['/api/v1/auth/me']);
    await act(() => session.release());
  });
});
