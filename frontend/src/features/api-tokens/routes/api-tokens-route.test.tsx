import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

const token = {
  id: 5,
  name: 'Nightly export',
  scope: 'read',
  createdAt: '2026-11-20T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
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
});
