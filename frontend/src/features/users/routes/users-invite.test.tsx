import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

const mailOn = () =>
  jsonResponse({
    enabled: true,
    source: 'settings',
    host: 'smtp.example.com',
    port: 587,
    tls: 'starttls',
    user: null,
    from: 'stock@example.com',
    passwordSet: false,
  });

describe('UsersRoute with email on', () => {
  it('when creating a user, then the default is an invitation with no password field', async () => {
    const api = mockApi({
      'GET /api/v1/users': () => jsonResponse({ data: [] }),
      'GET /api/v1/mail/settings': mailOn,
      'POST /api/v1/users/invitations': ({ body }) =>
        jsonResponse(makeUser({ id: 9, ...(body as object) }), 201),
    });
    const { user } = renderRoute('/admin/users');
    await user.click(await screen.findByRole('button', { name: 'New user' }));
    expect(await screen.findByRole('combobox', { name: 'Their password' })).toHaveValue('invite');
    expect(screen.queryByLabelText('Initial password')).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'kim@example.com');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Kim');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText(/Invited Kim: an email with a link/)).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/users/invitations')[0]?.body).toEqual({
      email: 'kim@example.com',
      name: 'Kim',
      role: 'operator',
    });
    expect(api.requestsTo('POST', '/api/v1/users')).toHaveLength(0);
  });

  it('when the admin chooses to set a password, then the password is required and the old path is used', async () => {
    const api = mockApi({
      'GET /api/v1/users': () => jsonResponse({ data: [] }),
      'GET /api/v1/mail/settings': mailOn,
      'POST /api/v1/users': ({ body }) =>
        jsonResponse(makeUser({ id: 9, ...(body as object) }), 201),
    });
    const { user } = renderRoute('/admin/users');
    await user.click(await screen.findByRole('button', { name: 'New user' }));
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Their password' }),
      'password',
    );
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'kim@example.com');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Kim');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(screen.getByLabelText('Initial password')).toHaveAccessibleDescription(
      expect.stringContaining('10–200'),
    );
    expect(api.requestsTo('POST', '/api/v1/users')).toHaveLength(0);
    await user.type(screen.getByLabelText('Initial password'), 'long enough password');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText('Created Kim (kim@example.com).')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/users')[0]?.body).toMatchObject({
      password: 'long enough password',
    });
  });
});
