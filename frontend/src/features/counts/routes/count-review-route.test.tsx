import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';
import { expectedBolt, makeReview, makeSession } from './counts-test-data';

describe('CountReviewRoute', () => {
  it('when a manager reviews, then each line shows expected, counted, moved since and variance, flagged for recount, and the uncounted are listed', async () => {
    mockApi(
      {
        'GET /api/v1/counts/:id/review': () =>
          jsonResponse(makeReview({ uncounted: [expectedBolt] })),
      },
      { role: 'manager' },
    );
    renderRoute('/counts/5/review');
    const table = await screen.findByRole('table', { name: 'Counted lines' }, { timeout: 5000 });
    const row = within(table).getAllByRole('row')[1]!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'BOLT-M6',
      'A-01',
      '40',
      '35',
      '-4',
      '-5 (-12.50 %)',
      'Recount: over the threshold',
    ]);
    expect(
      screen.getByRole('heading', { name: 'Counted lines (1, 1 to recount)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Expected but not counted (1)' }),
    ).toBeInTheDocument();
  });

  it('when the manager approves, then it asks first and then posts once', async () => {
    let approved = false;
    const api = mockApi(
      {
        'GET /api/v1/counts/:id/review': () =>
          jsonResponse(
            makeReview(
              approved
                ? {
                    session: makeSession({
                      status: 'approved',
                      closedBy: { id: 2, name: 'Manager User' },
                    }),
                  }
                : {},
            ),
          ),
        'POST /api/v1/counts/:id/approve': () => {
          approved = true;
          return jsonResponse(makeReview());
        },
      },
      { role: 'manager' },
    );
    const { user } = renderRoute('/counts/5/review');
    await user.click(await screen.findByRole('button', { name: 'Approve' }, { timeout: 5000 }));
    expect(api.requestsTo('POST', '/api/v1/counts/5/approve')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Yes, approve' }));
    expect(await screen.findByText('Approved by Manager User.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/counts/5/approve')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });

  it('when another manager approved first, then the 409 is said in words', async () => {
    mockApi(
      {
        'GET /api/v1/counts/:id/review': () => jsonResponse(makeReview()),
        'POST /api/v1/counts/:id/approve': () =>
          problemResponse({
            status: 409,
            title: 'Conflict',
            code: 'COUNT_SESSION_CLOSED',
            detail: 'Count session 5 is approved; it cannot change any more.',
          }),
      },
      { role: 'manager' },
    );
    const { user } = renderRoute('/counts/5/review');
    await user.click(await screen.findByRole('button', { name: 'Approve' }, { timeout: 5000 }));
    await user.click(screen.getByRole('button', { name: 'Yes, approve' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('is approved; it cannot change');
  });

  it('when an operator opens the review, then the page says it needs another role', async () => {
    mockApi({}, { role: 'operator' });
    renderRoute('/counts/5/review');
    expect(
      await screen.findByText(/review and approve counts/, {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });
});
