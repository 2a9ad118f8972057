import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';
import { meResponse, unauthenticated } from '@/testing/session';

describe('SignInRoute', () => {
  it('when the credentials are right, then it signs in and goes to ?next=', async () => {
    let signedIn = false;
    const api = mockApi({
      'GET /api/v1/auth/me': () => (signedIn ? meResponse('viewer') : unauthenticated()),
      'POST /api/v1/auth/login': () => {
        signedIn = true;
        return jsonResponse({ user: makeUser({ role: 'viewer' }) });
      },
      'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
      'GET /api/v1/items': () =>
        jsonResponse({
          data: [],
          page: { limit: 50, nextCursor: null, prevCursor: null, count: 0, countExact: true },
        }),
    });
    const { user, router } = renderRoute('/sign-in?next=%2Fitems%3Fq%3Dbolt');

    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'vic@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Items' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/items');
    expect(router.state.location.search).toBe('?q=bolt');
    const login = api.requestsTo('POST', '/api/v1/auth/login')[0]!;
    expect(login.body).toEqual({ email: 'vic@example.com', password: 'correct horse battery' });
    expect(login.headers.get('x-requested-with')).toBe('stockroom');
  });

  it('when the password is wrong (401), then it says so and stays on the page', async () => {
    mockApi(
      {
        'POST /api/v1/auth/login': () =>
          problemResponse({
            title: 'Unauthorized',
            status: 401,
            code: 'INVALID_CREDENTIALS',
            detail: 'Email or password is wrong.',
          }),
      },
      { role: null },
    );
    const { user, router } = renderRoute('/sign-in');

    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'a@example.com');
    await user.type(screen.getByLabelText('Password'), 'nope nope nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Email or password is wrong.');
    expect(alert).toHaveFocus();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('when there were too many attempts (429), then it says when to try again from Retry-After', async () => {
    mockApi(
      {
        'POST /api/v1/auth/login': () =>
          new Response(
            JSON.stringify({ title: 'Too Many Requests', status: 429, code: 'TOO_MANY_ATTEMPTS' }),
            {
              status: 429,
              headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '300' },
            },
          ),
      },
      { role: null },
    );
    const { user } = renderRoute('/sign-in');

    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'a@example.com');
    await user.type(screen.getByLabelText('Password'), 'whatever whatever');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 5 minutes.');
  });
});
