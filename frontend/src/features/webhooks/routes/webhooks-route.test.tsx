import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

const webhook = {
  id: 3,
  url: 'https://erp.example.com/hooks/stock',
  description: '',
  eventTypes: ['stock.low'],
  enabled: true,
  disabledAt: null as string | null,
  disabledReason: null as string | null,
  consecutiveFailures: 0,
  createdAt: '2026-11-20T10:00:00.000Z',
};

const delivery = {
  id: 41,
  eventId: 900,
  eventType: 'stock.low',
  status: 'failed',
  attempts: 12,
  nextAttemptAt: null,
  lastAttemptAt: '2026-11-20T11:00:00.000Z',
  lastStatus: 503,
  lastLatencyMs: 87,
  lastResponse: 'upstream down',
  lastError: 'HTTP 503',
  deliveredAt: null,
  createdAt: '2026-11-20T10:30:00.000Z',
};

describe('WebhooksRoute', () => {
  it('when a webhook is created, then the chosen events are sent and its secret shows once', async () => {
    let list: (typeof webhook)[] = [];
    const api = mockApi({
      'GET /api/v1/webhooks': () => jsonResponse({ data: list }),
      'POST /api/v1/webhooks': () => {
        list = [webhook];
        return jsonResponse({ webhook, secret: 'whsec_c2VjcmV0c2VjcmV0' }, 201);
      },
    });
    const { user } = renderRoute('/admin/webhooks');

    // The first render loads the lazy route.
    await user.type(
      await screen.findByRole('textbox', { name: /URL/ }, { timeout: 5000 }),
      webhook.url,
    );
    await user.click(screen.getByRole('checkbox', { name: 'Movement posted' }));
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));

    expect(await screen.findByRole('textbox', { name: 'Signing secret' })).toHaveValue(
      'whsec_c2VjcmV0c2VjcmV0',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('only time Stockroom shows it');
    expect(api.requestsTo('POST', '/api/v1/webhooks')[0]?.body).toEqual({
      url: webhook.url,
      eventTypes: ['movement.posted', 'stock.low'],
    });
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByDisplayValue('whsec_c2VjcmV0c2VjcmV0')).not.toBeInTheDocument();
  });

  it('when no event is chosen, then it says so and sends nothing', async () => {
    const api = mockApi({ 'GET /api/v1/webhooks': () => jsonResponse({ data: [] }) });
    const { user } = renderRoute('/admin/webhooks');
    await user.type(await screen.findByRole('textbox', { name: /URL/ }), webhook.url);
    await user.click(screen.getByRole('checkbox', { name: /Stock low/ }));
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));
    expect(await screen.findByText('Choose at least one event.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/webhooks')).toHaveLength(0);
  });

  it('when an endpoint was disabled for failing, then it says why, and Re-enable and Redeliver send their requests', async () => {
    let current: typeof webhook = {
      ...webhook,
      enabled: false,
      disabledAt: '2026-11-21T08:00:00.000Z',
      disabledReason: '20 failed attempts in a row (last: HTTP 503)',
    };
    const api = mockApi({
      'GET /api/v1/webhooks': () => jsonResponse({ data: [current] }),
      'POST /api/v1/webhooks/3/enable': () => {
        current = { ...current, enabled: true, disabledAt: null, disabledReason: null };
        return jsonResponse(current);
      },
      'GET /api/v1/webhooks/3/deliveries': () =>
        jsonResponse({ data: [delivery], page: { limit: 50, nextCursor: null } }),
      'POST /api/v1/webhooks/3/deliveries/41/redeliver': () =>
        jsonResponse({ ...delivery, id: 42, status: 'pending', attempts: 0 }, 201),
    });
    const { user } = renderRoute('/admin/webhooks');

    expect(await screen.findByText(/20 failed attempts in a row/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show deliveries' }));
    const row = (await screen.findByText('upstream down')).closest('tr')!;
    expect(within(row).getByText('HTTP 503')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: /Redeliver/ }));
    await user.click(screen.getByRole('button', { name: 'Re-enable' }));
    expect(await screen.findByText(`Re-enabled ${webhook.url}.`)).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/webhooks/3/enable')).toHaveLength(1);
    expect(api.requestsTo('POST', '/api/v1/webhooks/3/deliveries/41/redeliver')).toHaveLength(1);
  });
});
