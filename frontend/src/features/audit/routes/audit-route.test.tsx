import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cursorPage, makeUser } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';

const entry = {
  id: 9,
  at: '2026-11-20T10:00:00.000Z',
  actor: { id: 1, email: 'ada@example.com', name: 'Ada Admin' },
  subjectName: null,
  action: 'item.updated',
  entityType: 'item',
  entityId: '1',
  ip: '10.0.0.7',
  before: { name: 'Hex bolt', unit: 'each' },
  after: { name: 'Hex bolt M6', unit: 'each' },
};

describe('AuditRoute', () => {
  it('when filters are applied, then they go into the URL and the request, and a row expands to its diff', async () => {
    const api = mockApi({
      'GET /api/v1/users': () => jsonResponse({ data: [makeUser()] }),
      'GET /api/v1/audit': ({ url }) =>
        url.searchParams.get('cursor') === 'c2'
          ? jsonResponse(cursorPage([{ ...entry, id: 8, action: 'item.created', before: null }]))
          : jsonResponse(cursorPage([entry], 'c2')),
    });
    const { user, router } = renderRoute('/admin/audit');

    await screen.findByRole('table', { name: 'Audit entries, newest first' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'Item changed');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Actor' }), '1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Entity type' }), 'Items');
    await user.type(screen.getByLabelText('From date'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const search = new URLSearchParams(router.state.location.search);
    expect(search.get('action')).toBe('item.updated');
    expect(search.get('actor')).toBe('1');
    expect(search.get('entityType')).toBe('item');
    expect(search.get('from')).toBe('2026-11-01');
    await screen.findByRole('table', { name: 'Audit entries, newest first' });
    const sent = api.requestsTo('GET', '/api/v1/audit').at(-1)!.url.searchParams;
    expect(sent.get('action')).toBe('item.updated');
    expect(sent.get('actorId')).toBe('1');
    expect(sent.get('entityType')).toBe('item');
    expect(sent.get('from')).toMatch(/^2026-1[01]-\d\dT/);

    const row = screen.getByRole('row', { name: /Ada Admin changed the name of item Hex bolt M6/ });
    expect(row).not.toHaveTextContent('item.updated');
    expect(row).toHaveTextContent('10.0.0.7');
    await user.click(within(row).getByRole('button', { name: /Changes/ }));
    const diff = screen.getByRole('table', { name: 'Changes in audit entry 9' });
    expect(within(diff).getByRole('row', { name: /name/ })).toHaveTextContent(
      'Hex boltHex bolt M6',
    );
    expect(within(diff).queryByRole('row', { name: /unit/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(
      await screen.findByRole('cell', { name: 'Ada Admin created item Hex bolt M6' }),
    ).toBeInTheDocument();
    expect(api.requestsTo('GET', '/api/v1/audit').at(-1)?.url.searchParams.get('cursor')).toBe(
      'c2',
    );
  });

  it('when the URL already has filters, then the form and the request start from them', async () => {
    const api = mockApi({
      'GET /api/v1/users': () => jsonResponse({ data: [makeUser()] }),
      'GET /api/v1/audit': () => jsonResponse(cursorPage([])),
    });
    renderRoute('/admin/audit?action=token.revoked&entityType=api_token');

    expect(
      await screen.findByRole('heading', { name: 'No audit entries match' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Action' })).toHaveValue('token.revoked');
    const sent = api.requestsTo('GET', '/api/v1/audit')[0]!.url.searchParams;
    expect(sent.get('action')).toBe('token.revoked');
    expect(sent.get('entityType')).toBe('api_token');
  });
});
