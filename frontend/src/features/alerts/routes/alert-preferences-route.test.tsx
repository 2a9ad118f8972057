import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

describe('AlertPreferencesRoute', () => {
  it('when a viewer ticks the daily digest, then both choices are sent and a confirmation shows', async () => {
    const api = mockApi(
      {
        'GET /api/v1/account/alert-preferences': () =>
          jsonResponse({ lowStockImmediate: true, dailyDigest: false, emailEnabled: true }),
        'PATCH /api/v1/account/alert-preferences': ({ body }) =>
          jsonResponse({ ...(body as object), emailEnabled: true }),
      },
      { role: 'viewer' },
    );
    const { user } = renderRoute('/account/alerts');
    const immediate = await screen.findByRole('checkbox', { name: 'When an item runs low' });
    expect(immediate).toBeChecked();
    expect(screen.queryByText(/Email is off/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'A daily digest' }));
    await user.click(screen.getByRole('button', { name: 'Save alerts' }));
    expect(await screen.findByText('Alert emails saved.')).toHaveAttribute('role', 'status');
    expect(api.requestsTo('PATCH', '/api/v1/account/alert-preferences')[0]?.body).toEqual({
      lowStockImmediate: true,
      dailyDigest: true,
    });
  });

  it('when email is off, then the page says so and still saves the choices', async () => {
    mockApi(
      {
        'GET /api/v1/account/alert-preferences': () =>
          jsonResponse({ lowStockImmediate: false, dailyDigest: false, emailEnabled: false }),
      },
      { role: 'operator' },
    );
    renderRoute('/account/alerts');
    expect(await screen.findByText(/Email is off in this Stockroom/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save alerts' })).toBeEnabled();
  });

  it('when the account menu is opened, then it links to Alert emails', async () => {
    mockApi(
      {
        'GET /api/v1/account/alert-preferences': () =>
          jsonResponse({ lowStockImmediate: false, dailyDigest: false, emailEnabled: true }),
      },
      { role: 'viewer' },
    );
    const { user } = renderRoute('/');
    await user.click(await screen.findByRole('button', { name: /account menu/ }));
    await user.click(screen.getByRole('link', { name: 'Alert emails' }));
    expect(await screen.findByRole('heading', { name: 'Alert emails' })).toBeInTheDocument();
  });
});
