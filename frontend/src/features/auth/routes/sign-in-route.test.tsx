import { screen, waitFor } from '@testing-library/react';
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
    await waitFor(() => expect(alert).toHaveFocus());
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

  it('when submitted empty, then each field says what is missing and focus goes to the first', async () => {
    const api = mockApi({}, { role: null });
    const { user } = renderRoute('/sign-in');

    const email = await screen.findByRole('textbox', { name: 'Email' });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(email).toHaveFocus());
    expect(api.requestsTo('POST', '/api/v1/auth/login')).toHaveLength(0);

    // After a submit the messages follow what is typed.
    await user.type(email, 'a@example.com');
    expect(screen.queryByText('Enter your email address.')).not.toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
  });

  it('when the fields render, then password managers see username and current-password with limits', async () => {
    mockApi({}, { role: null });
    renderRoute('/sign-in');

    const email = await screen.findByRole('textbox', { name: 'Email' });
    expect(email).toHaveAttribute('type', 'email');
    expect(email).toHaveAttribute('name', 'email');
    expect(email).toHaveAttribute('autocomplete', 'username');
    expect(email).toHaveAttribute('maxlength', '254');
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('name', 'password');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
  });

  it('when Sign in is double-clicked, then it posts once', async () => {
    let release: () => void = () => undefined;
    const api = mockApi(
      {
        'POST /api/v1/auth/login': () =>
          new Promise<Response>((resolve) => {
            release = () =>
              resolve(
                problemResponse({
                  title: 'Unauthorized',
                  status: 401,
                  code: 'INVALID_CREDENTIALS',
                  detail: 'Email or password is wrong.',
                }),
              );
          }),
      },
      { role: null },
    );
    const { user } = renderRoute('/sign-in');

    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'a@example.com');
    await user.type(screen.getByLabelText('Password'), 'nope nope nope');
    await user.dblClick(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('button', { name: 'Signing in…' })).toBeDisabled();
    release();

    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is wrong.');
    expect(api.requestsTo('POST', '/api/v1/auth/login')).toHaveLength(1);
  });
});
