import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

const TOKEN = 'A'.repeat(43);
const SENT = 'If an account with that email exists, it has been sent a link.';

describe('ForgotPasswordRoute', () => {
  it('when an email is sent, then the neutral answer replaces the form', async () => {
    const api = mockApi(
      { 'POST /api/v1/auth/password-reset': () => jsonResponse({ message: SENT }, 202) },
      { role: null },
    );
    const { user } = renderRoute('/forgot-password');
    await user.type(await screen.findByRole('textbox', { name: 'Email' }), ' kim@example.com ');
    await user.click(screen.getByRole('button', { name: 'Email me a link' }));
    expect(await screen.findByRole('status')).toHaveTextContent(SENT);
    expect(api.requestsTo('POST', '/api/v1/auth/password-reset')[0]?.body).toEqual({
      email: 'kim@example.com',
    });
  });

  it('when the email is blank, then it says so and sends nothing', async () => {
    const api = mockApi({}, { role: null });
    const { user } = renderRoute('/forgot-password');
    await user.click(await screen.findByRole('button', { name: 'Email me a link' }));
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(
      expect.stringContaining('Enter your email address.'),
    );
    expect(api.requestsTo('POST', '/api/v1/auth/password-reset')).toHaveLength(0);
  });

  it('when email is off or requests are too many, then the alert says what to do', async () => {
    let answer = problemResponse({ status: 409, title: 'Conflict', code: 'MAIL_NOT_CONFIGURED' });
    mockApi({ 'POST /api/v1/auth/password-reset': () => answer }, { role: null });
    const { user } = renderRoute('/forgot-password');
    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'kim@example.com');
    await user.click(screen.getByRole('button', { name: 'Email me a link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/ask an admin/i);

    answer = new Response(
      JSON.stringify({ status: 429, title: 'Too Many Requests', code: 'TOO_MANY_REQUESTS' }),
      {
        status: 429,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '120' },
      },
    );
    await user.click(screen.getByRole('button', { name: 'Email me a link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Try again in 2 minutes/);
  });

  it('when on the sign-in page, then a Forgot password link leads here', async () => {
    mockApi({}, { role: null });
    const { user } = renderRoute('/sign-in');
    await user.click(await screen.findByRole('link', { name: 'Forgot password?' }));
    expect(await screen.findByRole('heading', { name: 'Forgot password' })).toBeInTheDocument();
  });
});

describe('SetPasswordRoute', () => {
  it('when the link is used with matching passwords, then the token from the fragment is sent and sign-in is offered', async () => {
    const api = mockApi(
      { 'POST /api/v1/auth/set-password': () => new Response(null, { status: 204 }) },
      { role: null },
    );
    const { user } = renderRoute(`/set-password#token=${TOKEN}`);
    await user.type(await screen.findByLabelText('New password'), 'long enough secret');
    await user.type(screen.getByLabelText('Confirm new password'), 'long enough secret');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Password set.');
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/auth/set-password')[0]?.body).toEqual({
      token: TOKEN,
      password: 'long enough secret',
    });
  });

  it('when the passwords differ or are short, then it says so and sends nothing', async () => {
    const api = mockApi({}, { role: null });
    const { user } = renderRoute(`/set-password#token=${TOKEN}`);
    await user.type(await screen.findByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('Confirm new password'), 'other');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('at least 10'),
    );
    expect(screen.getByLabelText('Confirm new password')).toHaveAccessibleDescription(
      expect.stringContaining('do not match'),
    );
    expect(api.requestsTo('POST', '/api/v1/auth/set-password')).toHaveLength(0);
  });

  it('when the link was used or expired, then the alert says to ask for a new one', async () => {
    mockApi(
      {
        'POST /api/v1/auth/set-password': () =>
          problemResponse({ status: 400, title: 'Bad Request', code: 'ACCOUNT_LINK_INVALID' }),
      },
      { role: null },
    );
    const { user } = renderRoute(`/set-password#token=${TOKEN}`);
    await user.type(await screen.findByLabelText('New password'), 'long enough secret');
    await user.type(screen.getByLabelText('Confirm new password'), 'long enough secret');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/expired or was already used/);
  });

  it('when opened without a token, then it explains and offers Forgot password', async () => {
    mockApi({}, { role: null });
    renderRoute('/set-password');
    expect(await screen.findByRole('alert')).toHaveTextContent(/needs the link from your email/);
    expect(screen.getByRole('link', { name: 'Forgot password?' })).toBeInTheDocument();
  });
});
