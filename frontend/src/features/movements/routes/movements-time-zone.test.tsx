import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cursorPage, makeMovement } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

// 23:30 UTC on the 22nd is already 08:30 on the 23rd in Tokyo: whatever zone the browser
// (or the test runner) is in, the team's zone decides what the page says.
const lateReceipt = makeMovement({ id: 5, createdAt: '2026-11-22T23:30:00.000Z' });

describe('Movements in the team time zone', () => {
  it('when the team is in Tokyo, then times are Tokyo times and the page names the zone', async () => {
    mockApi(
      { 'GET /api/v1/movements': () => jsonResponse(cursorPage([lateReceipt])) },
      { settings: { timeZone: 'Asia/Tokyo' } },
    );
    renderRoute('/movements');

    const table = await screen.findByRole('table', { name: 'Movements, newest first' });
    expect(await within(table).findByText('23 Nov 2026, 08:30')).toBeInTheDocument();
    expect(screen.getByText(/Times in Asia\/Tokyo\./)).toBeInTheDocument();
  });

  it('when filtering by days, then the days start at midnight in the team zone', async () => {
    const api = mockApi(
      { 'GET /api/v1/movements': () => jsonResponse(cursorPage([lateReceipt])) },
      { settings: { timeZone: 'Asia/Tokyo' } },
    );
    renderRoute('/movements?from=2026-11-01&to=2026-11-20');

    await screen.findByText(/Times in Asia\/Tokyo\./);
    await screen.findByRole('table', { name: 'Movements, newest first' });
    const sent = api.requestsTo('GET', '/api/v1/movements').at(-1)!.url.searchParams;
    expect(sent.get('from')).toBe('2026-10-31T15:00:00.000Z');
    expect(sent.get('to')).toBe('2026-11-20T15:00:00.000Z');
  });
});
