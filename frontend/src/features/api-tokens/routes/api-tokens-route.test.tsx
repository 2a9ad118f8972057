import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

const token = {
  id: 5,
  name: 'Nightly export',
  scope: 'read',
  createdAt: '2026-11-20T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  disabledAt: null as string | null,
  createdBy: { id: 1, name: 'Ada Admin' },
};

describe('ApiTokensRoute', () => {
  it('when a token is created, then its secret shows once with a warning, and is gone after Done', async () => {
    let tokens: (typeof token)[] = [];
    const api = mockApi({
      'GET /api/v1/api-tokens': () => jsonResponse({ data: tokens }),
      'POST /api/v1/api-tokens': () => {
        tokens = [token];
        return jsonResponse({ apiToken: token, token: 'sr_secret_abc123' }, 201);
      },
    });
    const { user } = renderRoute('/admin/api-tokens');

    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'Nightly export');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    const secret = await screen.findByRole('textbox', { name: 'Token' });
    expect(secret).toHaveValue('sr_secret_abc123');
    expect(screen.getByRole('alert')).toHaveTextContent('only time Stockroom shows it');
    expect(screen.getByRole('button', { name: 'Copy token' })).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/api-tokens')[0]?.body).toEqual({
      name: 'Nightly export',
      scope: 'read',
    });
    expect(
      await screen.findByRole('cell', { name: 'Nightly export by Ada Admin' }),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('sr_secret_abc123')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue('sr_secret_abc123')).not.toBeInTheDocument();
  });

  it('when revoking, then it asks first and sends DELETE', async () => {
    const api = mockApi({
      'GET /api/v1/api-tokens': () => jsonResponse({ data: [token] }),
      'DELETE /api/v1/api-tokens/5': () => new Response(null, { status: 204 }),
    });
    const { user } = renderRoute('/admin/api-tokens');

    await user.click(await screen.findByRole('button', { name: 'Revoke Nightly export' }));
    await user.click(screen.getByRole('button', { name: 'Yes, revoke' }));

    expect(await screen.findByText('Revoked “Nightly export”.')).toBeInTheDocument();
    expect(api.requestsTo('DELETE', '/api/v1/api-tokens/5')).toHaveLength(1);
  });

  it('when a token was disabled with its user, then it says so and Enable sends POST …/enable', async () => {
    let current: typeof token = { ...token, disabledAt: '2026-11-25T09:00:00.000Z' };
    const api = mockApi({
      'GET /api/v1/api-tokens': () => jsonResponse({ data: [current] }),
      'POST /api/v1/api-tokens/5/enable': () => {
        current = { ...current, disabledAt: null };
        return jsonResponse(current);
      },
    });
    const { user } = renderRoute('/admin/api-tokens');

    expect(await screen.findByText(/^Disabled/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enable Nightly export' }));

    expect(await screen.findByText('Enabled “Nightly export”.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/api-tokens/5/enable')).toHaveLength(1);
    expect(await screen.findByText('Active')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enable Nightly export' })).not.toBeInTheDocument();
  });

  it('when enabling is refused, then the reason is shown', async () => {
    mockApi({
      'GET /api/v1/api-tokens': () =>
        jsonResponse({ data: [{ ...token, disabledAt: '2026-11-25T09:00:00.000Z' }] }),
      'POST /api/v1/api-tokens/5/enable': () =>
        problemResponse({
          title: 'Conflict',
          status: 409,
          code: 'TOKEN_OWNER_INACTIVE',
          detail: 'API token 5 belongs to user 1, who is deactivated; reactivate them first.',
        }),
    });
    const { user } = renderRoute('/admin/api-tokens');

    await user.click(await screen.findByRole('button', { name: 'Enable Nightly export' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('reactivate them first');
  });
});
