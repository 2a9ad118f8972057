import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

const kim = makeUser({ id: 7, name: 'Kim Invited', email: 'kim@example.com', role: 'viewer' });
const ada = makeUser({ id: 1, name: 'Ada Admin', email: 'ada@example.com', role: 'admin' });
const invitation = (expired: boolean) => ({
  userId: 7,
  sentAt: '2026-11-20T10:00:00.000Z',
  expiresAt: '2026-11-27T10:00:00.000Z',
  expired,
});

describe('UsersRoute with pending invitations', () => {
  it('when an invitation expired, then its row says so and Resend posts a new one', async () => {
    let pending = [invitation(true)];
    const api = mockApi({
      'GET /api/v1/users': () => jsonResponse({ data: [ada, kim] }),
      'GET /api/v1/users/invitations': () => jsonResponse({ data: pending }),
      'POST /api/v1/users/:id/invitation': () => {
        pending = [invitation(false)];
        return jsonResponse(pending[0], 201);
      },
    });
    const { user } = renderRoute('/admin/users');
    const row = (await screen.findByText('kim@example.com')).closest('tr')!;
    expect(await within(row).findByText('Invitation expired')).toBeInTheDocument();
    const adaRow = screen.getByText('ada@example.com').closest('tr')!;
    expect(within(adaRow).queryByRole('button', { name: /Resend invitation/ })).toBeNull();

    await user.click(within(row).getByRole('button', { name: 'Resend invitation to Kim Invited' }));

    expect(
      await screen.findByText(
        'A new invitation is on its way to kim@example.com; the previous link no longer works.',
      ),
    ).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/users/7/invitation')).toHaveLength(1);
    expect(await within(row).findByText('Invited')).toBeInTheDocument();
  });

  it('when the server says to wait, then its reason is shown next to the button', async () => {
    mockApi({
      'GET /api/v1/users': () => jsonResponse({ data: [kim] }),
      'GET /api/v1/users/invitations': () => jsonResponse({ data: [invitation(false)] }),
      'POST /api/v1/users/:id/invitation': () =>
        problemResponse({
          title: 'Too Many Requests',
          status: 429,
          code: 'TOO_MANY_REQUESTS',
          detail: 'An invitation was just sent; try again in 42 seconds.',
        }),
    });
    const { user } = renderRoute('/admin/users');
    await user.click(
      await screen.findByRole('button', { name: 'Resend invitation to Kim Invited' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'An invitation was just sent; try again in 42 seconds.',
    );
  });

  it('when the invitations cannot be listed, then the users still show, with no resend', async () => {
    mockApi({
      'GET /api/v1/users': () => jsonResponse({ data: [kim] }),
      'GET /api/v1/users/invitations': () =>
        problemResponse({ title: 'Boom', status: 500, code: 'INTERNAL' }),
    });
    renderRoute('/admin/users');
    const row = (await screen.findByText('kim@example.com')).closest('tr')!;
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: /Resend invitation/ })).toBeNull();
  });
});
