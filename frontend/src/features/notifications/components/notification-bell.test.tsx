import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

const low = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'stock.low',
  occurredAt: '2026-11-30T10:05:00.000Z',
  item: { id: 70 + id, sku: `SKU-${id}`, name: `Widget ${id}`, unit: 'pcs' },
  onHand: '4',
  reorderPoint: '5',
  read: false,
  resolvedAt: null,
  ...extra,
});

function withNotifications(
  unread: number,
  data = [low(2), low(1, { resolvedAt: '2026-11-30T11:00:00.000Z' })],
) {
  return mockApi(
    {
      'GET /api/v1/notifications/unread-count': () => jsonResponse({ unread }),
      'GET /api/v1/notifications': () =>
        jsonResponse({ data, page: { limit: 20, nextCursor: null } }),
      'POST /api/v1/notifications/read': () => new Response(null, { status: 204 }),
      'POST /api/v1/notifications/read-all': () => new Response(null, { status: 204 }),
    },
    { role: 'viewer' },
  );
}

describe('NotificationBell', () => {
  it('when there are unread notifications, then the bell says how many, and the keyboard opens a list linking each item with on hand, reorder point and resolved state', async () => {
    withNotifications(3);
    const { user } = renderRoute('/account/alerts');
    const bell = await screen.findByRole('button', {
      name: /Notifications, 3 unread notifications/,
    });
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    expect(document.querySelector('.bell [aria-live="polite"]')).toHaveTextContent(
      '3 unread notifications',
    );

    bell.focus();
    await user.keyboard('{Enter}');
    expect(bell).toHaveAttribute('aria-expanded', 'true');
    const panel = await screen.findByRole('region', { name: 'Notifications' });
    const link = await within(panel).findByRole('link', { name: 'SKU-2 Widget 2' });
    expect(link).toHaveAttribute('href', '/items/72');
    expect(within(panel).getAllByText('Low: 4 pcs on hand, reorder point 5')).toHaveLength(2);
    expect(within(panel).getByText('Resolved')).toBeInTheDocument();
    // Only the unresolved, unread one can be marked read.
    expect(within(panel).getAllByRole('button', { name: /^Mark read/ })).toHaveLength(1);

    await user.keyboard('{Escape}');
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    expect(bell).toHaveFocus();
  });

  it('when a notification is marked read, and then all are, then the API is told which and the count is asked again', async () => {
    const api = withNotifications(1);
    const { user } = renderRoute('/account/alerts');
    await user.click(
      await screen.findByRole('button', { name: /Notifications, 1 unread notification$/ }),
    );
    await user.click(await screen.findByRole('button', { name: 'Mark read: SKU-2' }));
    await until(() => api.requestsTo('POST', '/api/v1/notifications/read').length === 1);
    expect(api.requestsTo('POST', '/api/v1/notifications/read')[0]?.body).toEqual({ ids: [2] });

    const counts = api.requestsTo('GET', '/api/v1/notifications/unread-count').length;
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    await until(() => api.requestsTo('POST', '/api/v1/notifications/read-all').length === 1);
    await until(() => api.requestsTo('GET', '/api/v1/notifications/unread-count').length > counts);
  });

  it('when more than 99 are unread, then the badge says 99+', async () => {
    withNotifications(100);
    renderRoute('/account/alerts');
    expect(
      await screen.findByRole('button', { name: /Notifications, 99\+ unread notifications/ }),
    ).toHaveTextContent('99+');
  });

  it('when nothing is unread, then the bell shows no number and the list says there is nothing', async () => {
    withNotifications(0, []);
    const { user } = renderRoute('/account/alerts');
    const bell = await screen.findByRole('button', {
      name: /Notifications, No unread notifications/,
    });
    expect(bell).not.toHaveTextContent(/\d/);
    await user.click(bell);
    expect(await screen.findByText('No low-stock notifications.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  });
});

const until = (check: () => boolean) => waitFor(() => expect(check()).toBe(true));
