import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

const report = (differences: number) => ({
  ok: differences === 0,
  checkedAt: '2026-12-01T10:00:00.000Z',
  durationMs: 5200,
  counted: { movements: 1000000, balances: 300000, items: 100000, locations: 200 },
  checks: [
    {
      name: 'balances',
      description: 'Per item × location, the balance equals the sum of the ledger',
      differences,
      examples: differences ? ['item 7 at location 3: balance 6.000, ledger 5.000'] : [],
    },
  ],
});

describe('ReconciliationRoute', () => {
  it('when an admin checks the books and one differs, then the check lists it', async () => {
    mockApi({ 'POST /api/v1/reconciliation': () => jsonResponse(report(1)) });
    const { user } = renderRoute('/admin/reconciliation');
    await user.click(await screen.findByRole('button', { name: 'Check the books' }));
    expect(
      await screen.findByRole('heading', { name: 'The books do not reconcile' }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Reconciliation checks' });
    expect(within(table).getByText(/balance 6.000, ledger 5.000/)).toBeInTheDocument();
  });

  it('when another run is going on, then the refusal is shown', async () => {
    mockApi({
      'POST /api/v1/reconciliation': () =>
        problemResponse({
          status: 409,
          code: 'RECONCILIATION_RUNNING',
          title: 'Conflict',
          detail: 'A reconciliation is already running.',
        }),
    });
    const { user } = renderRoute('/admin/reconciliation');
    await user.click(await screen.findByRole('button', { name: 'Check the books' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The books were not checked');
  });

  it('when a manager opens the page, then it is not offered', async () => {
    mockApi({}, { role: 'manager' });
    renderRoute('/admin/reconciliation');
    expect(
      await screen.findByRole('heading', { name: /permission to check the books/ }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check the books' })).not.toBeInTheDocument();
  });
});
