import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cursorPage, makeMovement } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

const byAda = makeMovement({ id: 100, createdBy: { id: 7, name: 'Ada Lovelace', token: null } });
const byToken = makeMovement({
  id: 101,
  createdBy: { id: 8, name: 'Grace Hopper', token: { id: 3, name: 'ci-import' } },
});
const bySystem = makeMovement({ id: 102, createdBy: null });
const names = {
  data: [
    { id: 7, name: 'Ada Lovelace' },
    { id: 8, name: 'Grace Hopper' },
  ],
};

describe('Recorded by', () => {
  it('when movements are listed, then each row says who recorded it (a token by name, seed data as System)', async () => {
    mockApi({
      'GET /api/v1/movements': () => jsonResponse(cursorPage([byAda, byToken, bySystem])),
      'GET /api/v1/user-names': () => jsonResponse(names),
    });
    const { user } = renderRoute('/movements');
    const table = await screen.findByRole('table', { name: 'Movements, newest first' });

    expect(within(table).getByRole('columnheader', { name: 'Recorded by' })).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Ada Lovelace');
    expect(rows[1]).toHaveTextContent('Grace Hopper via token ci-import');
    expect(rows[2]).toHaveTextContent('System');

    await user.click(screen.getByRole('button', { name: 'Details of movement 101' }));
    const term = screen.getByText('Recorded by', { selector: 'dt' });
    expect(term.nextElementSibling).toHaveTextContent('Grace Hopper via token ci-import');
  });

  it('when a person is chosen under Recorded by, then the URL and the request carry their id', async () => {
    const api = mockApi(
      {
        'GET /api/v1/movements': () => jsonResponse(cursorPage([byAda])),
        'GET /api/v1/user-names': () => jsonResponse(names),
      },
      { role: 'viewer' },
    );
    const { user, router } = renderRoute('/movements');
    await screen.findByRole('table', { name: 'Movements, newest first' });
    const select = screen.getByRole('combobox', { name: 'Recorded by' });
    await waitFor(() => expect(within(select).getByText('Ada Lovelace')).toBeInTheDocument());

    await user.selectOptions(select, 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(api.requestsTo('GET', '/api/v1/movements')).toHaveLength(2));
    expect(router.state.location.search).toBe('?user=7');
    expect(api.requestsTo('GET', '/api/v1/movements')[1]!.url.searchParams.get('userId')).toBe('7');
    // Not the admin-only user list.
    expect(api.requestsTo('GET', '/api/v1/users')).toHaveLength(0);
  });
});
