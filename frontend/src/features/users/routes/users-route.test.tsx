import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

const ada = makeUser({ id: 1, name: 'Ada Admin', email: 'ada@example.com', role: 'admin' });
const olly = makeUser({
  id: 2,
  name: 'Olly Operator',
  email: 'olly@example.com',
  role: 'operator',
});

describe('UsersRoute', () => {
  it('when creating a user with a role, then it posts and the list refreshes; EMAIL_TAKEN lands on Email', async () => {
    let users = [ada];
    const api = mockApi({
      'GET /api/v1/users': () => jsonResponse({ data: users }),
      'POST /api/v1/users': ({ body }) => {
        const input = body as { email: string };
        if (input.email === 'ada@example.com') {
          return problemResponse({
            title: 'Conflict',
            status: 409,
            code: 'EMAIL_TAKEN',
            detail: 'ada@example.com already has an account.',
          });
        }
        const created = makeUser({ id: 3, name: 'Mia', email: input.email, role: 'manager' });
        users = [...users, created];
        return jsonResponse(created, 201);
      },
    });
    const { user } = renderRoute('/admin/users');

    await user.click(await screen.findByRole('button', { name: 'New user' }));
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'ada@example.com');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Mia');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'manager');
    await user.type(screen.getByLabelText('Initial password'), 'long enough password');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    const email = screen.getByRole('textbox', { name: 'Email' });
    expect(
      await screen.findByText('ada@example.com already has an account.', {
        selector: '.field__error',
      }),
    ).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');

    await user.clear(email);
    await user.type(email, 'mia@example.com');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    expect(await screen.findByText('Created Mia (mia@example.com).')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/users').at(-1)?.body).toEqual({
      email: 'mia@example.com',
      name: 'Mia',
      role: 'manager',
      password: 'long enough password',
    });
    expect(await screen.findByRole('cell', { name: 'mia@example.com' })).toBeInTheDocument();
  });

  it('when demoting the last admin is refused (LAST_ADMIN), then the message shows on that role field', async () => {
    mockApi({
      'GET /api/v1/users': () => jsonResponse({ data: [ada, olly] }),
      'PATCH /api/v1/users/1': () =>
        problemResponse({
          title: 'Conflict',
          status: 409,
          code: 'LAST_ADMIN',
          detail: 'Stockroom needs at least one active admin.',
        }),
    });
    const { user } = renderRoute('/admin/users');

    const role = await screen.findByRole('combobox', { name: 'Role of Ada Admin' });
    await user.selectOptions(role, 'viewer');
    await user.click(screen.getByRole('button', { name: 'Save role of Ada Admin' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Stockroom needs at least one active admin.',
    );
    expect(role).toHaveAttribute('aria-invalid', 'true');
    expect(role).toHaveAccessibleDescription(/^Stockroom needs at least one active admin./);
  });

  it('when another role is chosen in the select, then nothing changes until Save role is pressed', async () => {
    const api = mockApi({
      'GET /api/v1/users': () => jsonResponse({ data: [ada, olly] }),
      'PATCH /api/v1/users/2': () => jsonResponse({ ...olly, role: 'viewer' }),
    });
    const { user } = renderRoute('/admin/users');

    const role = await screen.findByRole('combobox', { name: 'Role of Olly Operator' });
    // What an arrow key on a focused select does: a change event for the next option.
    role.focus();
    await user.keyboard('{ArrowDown}');
    await user.selectOptions(role, 'viewer');
    expect(api.requestsTo('PATCH', '/api/v1/users/2')).toHaveLength(0);
    expect(role).toHaveAccessibleDescription('Not changed until you save.');

    // Undo puts the select back; Save makes the change.
    await user.click(screen.getByRole('button', { name: 'Undo role change of Olly Operator' }));
    expect(role).toHaveValue('operator');
    await user.selectOptions(role, 'viewer');
    await user.click(screen.getByRole('button', { name: 'Save role of Olly Operator' }));
    expect(await screen.findByText('Olly Operator is now Viewer.')).toBeInTheDocument();
    expect(api.requestsTo('PATCH', '/api/v1/users/2').map((r) => r.body)).toEqual([
      { role: 'viewer' },
    ]);
  });

  it('when deactivating a user, then it asks first and sends active: false', async () => {
    const api = mockApi({
      'GET /api/v1/users': () => jsonResponse({ data: [ada, olly] }),
      'PATCH /api/v1/users/2': () => jsonResponse({ ...olly, active: false }),
    });
    const { user } = renderRoute('/admin/users');

    await user.click(await screen.findByRole('button', { name: 'Deactivate Olly Operator' }));
    const confirm = screen.getByRole('group');
    expect(confirm).toHaveTextContent('Deactivate Olly Operator?');
    await user.click(within(confirm).getByRole('button', { name: 'Yes, deactivate' }));

    expect(await screen.findByText('Olly Operator is deactivated.')).toBeInTheDocument();
    expect(api.requestsTo('PATCH', '/api/v1/users/2')[0]?.body).toEqual({ active: false });
  });

  it('when an admin clears a sign-in lock, then it posts for that user and says how many failures were forgotten', async () => {
    const api = mockApi({
      'GET /api/v1/users': () => jsonResponse({ data: [ada, olly] }),
      'POST /api/v1/users/2/sign-in-throttle/clear': () => jsonResponse({ clearedFailures: 7 }),
    });
    const { user } = renderRoute('/admin/users');

    await user.click(
      await screen.findByRole('button', { name: 'Clear sign-in lock of Olly Operator' }),
    );

    expect(
      await screen.findByText('Sign-in of Olly Operator unlocked: 7 failed attempts forgotten.'),
    ).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/users/2/sign-in-throttle/clear')).toHaveLength(1);
  });

  it('when clearing a sign-in lock fails, then the reason shows as an alert', async () => {
    mockApi({
      'GET /api/v1/users': () => jsonResponse({ data: [ada, olly] }),
      'POST /api/v1/users/2/sign-in-throttle/clear': () =>
        problemResponse({
          title: 'Not found',
          status: 404,
          code: 'USER_NOT_FOUND',
          detail: 'There is no user 2.',
        }),
    });
    const { user } = renderRoute('/admin/users');

    await user.click(
      await screen.findByRole('button', { name: 'Clear sign-in lock of Olly Operator' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent('There is no user 2.');
  });
});
