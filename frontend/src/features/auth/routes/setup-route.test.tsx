import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cursorPage, makeUser, page } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';
import { meResponse, unauthenticated } from '@/testing/session';

describe('SetupRoute', () => {
  it('when no user exists, then the guard sends any page to /setup, and setting up signs in as admin', async () => {
    let done = false;
    const api = mockApi({
      'GET /api/v1/auth/me': () => (done ? meResponse('admin') : unauthenticated()),
      'GET /api/v1/auth/setup': () => jsonResponse({ needsSetup: !done }),
      'POST /api/v1/auth/setup': ({ body }) => {
        if ((body as { setupToken: string }).setupToken !== 'tok-123') {
          return problemResponse({
            title: 'Forbidden',
            status: 403,
            code: 'SETUP_TOKEN_INVALID',
            detail: 'The setup token is not valid.',
          });
        }
        done = true;
        return jsonResponse({ user: makeUser() }, 201);
      },
      'GET /api/ready': () => jsonResponse({ status: 'ready', checks: {} }),
      'GET /api/v1/stock/summary': () =>
        jsonResponse({
          activeItems: 1,
          activeLocations: 1,
          stockLines: 1,
          lowStockItems: 0,
          movementsLast24h: 0,
        }),
      'GET /api/v1/stock/low': () => jsonResponse(page([], 0)),
      'GET /api/v1/movements': () => jsonResponse(cursorPage([])),
    });
    const { user, router } = renderRoute('/items');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Set up Stockroom' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/setup');
    expect(screen.getByRole('textbox', { name: 'Setup token' })).toHaveAccessibleDescription(
      expect.stringContaining('docker compose logs api'),
    );

    await user.type(screen.getByRole('textbox', { name: 'Setup token' }), 'wrong');
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'ada@example.com');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Ada');
    await user.type(screen.getByLabelText('Password'), 'long enough password');
    await user.type(screen.getByLabelText('Confirm password'), 'long enough password');
    await user.click(screen.getByRole('button', { name: 'Create admin and sign in' }));

    const token = await screen.findByRole('textbox', { name: 'Setup token' });
    expect(token).toHaveAccessibleDescription(
      expect.stringContaining('The setup token is not valid.'),
    );

    await user.clear(token);
    await user.type(token, 'tok-123');
    await user.click(screen.getByRole('button', { name: 'Create admin and sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/auth/setup').at(-1)?.body).toEqual({
      setupToken: 'tok-123',
      email: 'ada@example.com',
      name: 'Ada',
      password: 'long enough password',
    });
  });

  it('when the passwords differ, then it says so and sends nothing', async () => {
    const api = mockApi({}, { role: null, needsSetup: true });
    const { user } = renderRoute('/setup');

    await user.type(await screen.findByRole('textbox', { name: 'Setup token' }), 'tok');
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'a@example.com');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'A');
    await user.type(screen.getByLabelText('Password'), 'long enough password');
    await user.type(screen.getByLabelText('Confirm password'), 'different password');
    await user.click(screen.getByRole('button', { name: 'Create admin and sign in' }));

    expect(screen.getByLabelText('Confirm password')).toHaveAccessibleDescription(
      'The passwords do not match.',
    );
    expect(api.requestsTo('POST', '/api/v1/auth/setup')).toHaveLength(0);
  });
});
