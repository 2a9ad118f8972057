import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportResource } from '@/lib/api-types';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';
import { check, counts, makeImport } from './import-fixtures';

// PUT mapping answers 202 with the import checking its rows (a job); the page polls it, shows
// the rows done with a Cancel button, then the preview, or why there is none.

const MAPPING = {
  columns: { sku: 0, name: 1, location: 2, quantity: 3 },
  stockAs: 'count' as const,
  mode: 'all-or-nothing' as const,
};
const checking = (over: Partial<NonNullable<ImportResource['check']>> = {}) =>
  makeImport({ status: 'checking', mapping: MAPPING, check: check(over) });
const POLL = { timeout: 4000 };

/** Answers the PUT with a check not started yet; GET answers whatever `state.now` holds. */
function api(state: { now: ImportResource }, more = {}) {
  return mockApi({
    'POST /api/v1/imports': () => jsonResponse(makeImport(), 201),
    'PUT /api/v1/imports/7/mapping': () => jsonResponse(checking({ startedAt: null }), 202),
    'GET /api/v1/imports/7': () => jsonResponse(state.now),
    'GET /api/v1/imports/7/problems': () =>
      jsonResponse({ data: [], page: { limit: 100, nextAfter: null, total: 0 } }),
    ...more,
  });
}

async function uploadAndCheck(user: ReturnType<typeof renderRoute>['user']) {
  await user.upload(
    await screen.findByLabelText('CSV or XLSX file'),
    new File(['Article;Title;Shelf;Qty\nA-1;Bolt;WH1/A;4\n'], 'stock.csv'),
  );
  await user.click(await screen.findByRole('button', { name: 'Check the rows' }));
  return screen.findByRole('progressbar', { name: 'Checking the rows' });
}

describe('ImportRoute: the mapping’s checks', () => {
  it('when the rows are checked, then a bar shows the rows done with Cancel, and the preview follows with focus on it', async () => {
    const state = { now: checking({ done: 2 }) };
    api(state);
    const { user } = renderRoute('/imports');

    const bar = await uploadAndCheck(user);
    expect(bar).toHaveAttribute('aria-valuetext', 'Waiting to start…');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Check the rows' })).not.toBeInTheDocument();
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', '2 / 3 rows'), POLL);
    expect(bar).toHaveAttribute('aria-valuenow', '2');
    expect(bar).toHaveAttribute('aria-valuemax', '3');
    expect(screen.queryByRole('heading', { name: '3. Check and import' })).not.toBeInTheDocument();

    state.now = makeImport({
      status: 'mapped',
      mapping: MAPPING,
      preview: counts({ problems: 0, invalidRows: 0, validRows: 3 }),
      check: check({ done: 3, finishedAt: '2026-12-01T05:00:25.000Z' }),
    });
    const review = await screen.findByRole('heading', { name: '3. Check and import' }, POLL);
    await waitFor(() => expect(review).toHaveFocus());
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Check the rows' })).toBeInTheDocument();
    expect(screen.getByText('No problems found.')).toBeInTheDocument();
  });

  it('when the check is cancelled, then the form is back with the mapping sent and the alert says nothing was kept', async () => {
    const state = { now: checking({ done: 1 }) };
    const calls = api(state, {
      'POST /api/v1/imports/7/cancel': () =>
        jsonResponse(
          (state.now = makeImport({
            status: 'staged',
            mapping: { ...MAPPING, columns: { sku: 0, name: 1 } },
            check: check({
              done: 1,
              finishedAt: '2026-12-01T05:00:22.000Z',
              error: 'Checks cancelled: nothing was kept.',
            }),
          })),
        ),
    });
    const { user } = renderRoute('/imports');
    await uploadAndCheck(user);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Checks cancelled: nothing was kept.');
    await waitFor(() => expect(alert).toHaveFocus());
    expect(calls.requestsTo('POST', '/api/v1/imports/7/cancel')).toHaveLength(1);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    // Staged again, the mapping it was sent kept in the form for another try.
    expect(screen.getByRole('combobox', { name: 'SKU' })).toHaveDisplayValue('Article');
    expect(screen.getByRole('combobox', { name: 'Location' })).toHaveDisplayValue('Not imported');
    expect(screen.getByRole('button', { name: 'Check the rows' })).toBeEnabled();
  });

  it('when the check fails, then its error shows in an alert above the form', async () => {
    const state = { now: checking() };
    api(state);
    const { user } = renderRoute('/imports');
    await uploadAndCheck(user);
    state.now = makeImport({
      status: 'staged',
      mapping: MAPPING,
      check: check({
        finishedAt: '2026-12-01T05:00:22.000Z',
        error: 'The checks failed and nothing was kept: canceling statement due to timeout',
      }),
    });

    const alert = await screen.findByRole('alert', {}, POLL);
    expect(alert).toHaveTextContent('The rows were not checked');
    expect(alert).toHaveTextContent('canceling statement due to timeout');
    expect(screen.getByRole('button', { name: 'Check the rows' })).toBeInTheDocument();
  });
});
