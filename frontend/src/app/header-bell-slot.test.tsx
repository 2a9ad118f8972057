import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

// The bell's chunk, held back until the test lets it load (as a slow network does).
const bellChunk = vi.hoisted(() => {
  let release = () => {};
  const loaded = new Promise<void>((resolve) => (release = resolve));
  return { loaded, release };
});

vi.mock('@/features/notifications/components/notification-bell', async (importOriginal) => {
  await bellChunk.loaded;
  return importOriginal();
});

describe('header bell slot', () => {
  it('when the bell has not loaded yet, then its place in the header is held, and the bell takes it when it arrives', async () => {
    mockApi(
      {
        'GET /api/v1/notifications/unread-count': () => jsonResponse({ unread: 3 }),
        'GET /api/v1/notifications': () =>
          jsonResponse({ data: [], page: { limit: 20, nextCursor: null } }),
      },
      { role: 'viewer' },
    );
    const { container } = renderRoute('/');

    await screen.findByText('— account menu', { exact: false });
    const headerEnd = container.querySelector('.app-header__end');
    // Without the slot the bell arrives later and pushes the nav (a layout shift, issue 11).
    const slot = headerEnd?.querySelector('.app-header__bell-slot');
    expect(slot).toBeInTheDocument();
    expect(slot).toHaveAttribute('aria-hidden', 'true');
    expect(headerEnd?.firstElementChild).toBe(slot);

    bellChunk.release();

    expect(
      await screen.findByRole('button', { name: 'Notifications, 3 unread notifications' }),
    ).toBeInTheDocument();
    expect(headerEnd?.querySelector('.app-header__bell-slot')).not.toBeInTheDocument();
    expect(headerEnd?.firstElementChild).toHaveClass('bell');
  });
});
