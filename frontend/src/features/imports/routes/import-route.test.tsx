import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportResource } from '@/lib/api-types';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';
import { check, counts, job, makeImport, problem } from './import-fixtures';

const csv = () => new File(['Article;Title;Shelf;Qty\nA-1;Bolt;WH1/A;4\n'], 'stock.csv');
const MAPPING = {
  columns: { sku: 0, name: 1, location: 2, quantity: 3 },
  stockAs: 'count' as const,
  mode: 'valid-rows' as const,
};
/**
 * Checked: the mapping's checks done, the preview there. Once a dry run or commit starts its
 * `job` replaces the `check` (the API keeps both in the same columns).
 */
const mapped = (over: Partial<ImportResource> = {}) =>
  makeImport({
    status: 'mapped',
    mapping: MAPPING,
    preview: counts(),
    check: over.job ? null : check({ done: 3, finishedAt: '2026-12-01T05:00:25.000Z' }),
    updatedAt: '2026-12-01T05:00:10.000Z',
    ...over,
  });
const POLL = { timeout: 4000 };

/**
 * PUT mapping and GET of the import as the API answers them: the PUT is 202 with the import
 * checking its rows (a job, no preview yet); the page polls, and the next GET finds the check
 * done (mapped, with the preview). Past the check, GET answers `later()` (a commit's
 * progress), by default whatever the other handlers last left in `state.now`.
 */
function checkedMapping(
  state: { now: ImportResource },
  later: () => ImportResource = () => state.now,
) {
  return {
    'PUT /api/v1/imports/7/mapping': () =>
      jsonResponse(
        (state.now = makeImport({
          status: 'checking',
          mapping: MAPPING,
          check: check({ startedAt: null }),
        })),
        202,
      ),
    'GET /api/v1/imports/7': () =>
      jsonResponse(state.now.status === 'checking' ? (state.now = mapped()) : later()),
  };
}

/** Upload the file and save the guessed columns with "valid rows only". */
async function uploadAndMap(user: ReturnType<typeof renderRoute>['user']) {
  await user.upload(await screen.findByLabelText('CSV or XLSX file'), csv());
  expect(await screen.findByRole('combobox', { name: 'SKU' })).toHaveDisplayValue('Article');
  await user.selectOptions(screen.getByRole('combobox', { name: 'When rows have problems' }), [
    'valid-rows',
  ]);
  await user.click(screen.getByRole('button', { name: 'Check the rows' }));
  expect(await screen.findByRole('progressbar', { name: 'Checking the rows' })).toBeVisible();
  return screen.findByRole('heading', { name: '3. Check and import' }, POLL);
}

describe('ImportRoute', () => {
  it('when a file is uploaded, mapped, checked and committed, then the problem row and the result with its movements link show', async () => {
    const state = { now: makeImport() };
    let polls = 0;
    const api = mockApi({
      'POST /api/v1/imports': () => jsonResponse(state.now, 201),
      ...checkedMapping(state, () => {
        if (state.now.status === 'mapped') return state.now;
        polls += 1;
        return (state.now =
          polls === 1
            ? mapped({ status: 'running', job: job({ done: 1 }) })
            : mapped({
                status: 'committed',
                job: job({ done: 3, finishedAt: '2026-12-01T05:01:02.000Z', result: counts() }),
              }));
      }),
      'GET /api/v1/imports/7/problems': () =>
        jsonResponse({ data: [problem], page: { limit: 100, nextAfter: null, total: 1 } }),
      'POST /api/v1/imports/7/commit': () =>
        jsonResponse((state.now = mapped({ status: 'queued', job: job() })), 202),
    });
    const { user } = renderRoute('/imports');

    const review = await uploadAndMap(user);
    expect(api.requestsTo('POST', '/api/v1/imports')[0]?.url.searchParams.get('fileName')).toBe(
      'stock.csv',
    );
    expect(api.requestsTo('POST', '/api/v1/imports')[0]?.headers.get('Content-Type')).toBe(
      'text/csv',
    );
    expect(api.requestsTo('PUT', '/api/v1/imports/7/mapping')[0]?.body).toEqual({
      columns: { sku: 0, name: 1, location: 2, quantity: 3 },
      stockAs: 'count',
      mode: 'valid-rows',
    });
    await waitFor(() => expect(review).toHaveFocus());
    const row = await screen.findByText('Line 3, Qty');
    expect(row.closest('li')).toHaveTextContent('not a comma');
    expect(row.closest('li')).toHaveTextContent('“1,5”');

    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(api.requestsTo('POST', '/api/v1/imports/7/commit')[0]?.body).toEqual({
      dryRun: false,
      confirmRepeat: false,
    });
    const bar = await screen.findByRole('progressbar', { name: 'Importing' });
    expect(bar).toHaveAttribute('aria-valuemax', '3');

    const done = await screen.findByRole('heading', { name: 'Imported' }, POLL);
    expect(done).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Movements of this import' })).toHaveAttribute(
      'href',
      '/movements?reference=import%3Astock.csv',
    );
    expect(
      within(screen.getByLabelText('What was imported')).getByText('Valid rows'),
    ).toBeVisible();
  });

  it('when a job runs, then the bar shows rows done of the total, and Cancel stops it', async () => {
    const state = { now: makeImport() };
    const api = mockApi({
      'POST /api/v1/imports': () => jsonResponse(state.now, 201),
      ...checkedMapping(state),
      'GET /api/v1/imports/7/problems': () =>
        jsonResponse({ data: [], page: { limit: 100, nextAfter: null, total: 0 } }),
      'POST /api/v1/imports/7/commit': () =>
        jsonResponse(
          (state.now = mapped({ status: 'running', job: job({ done: 2, total: 3 }) })),
          202,
        ),
      'POST /api/v1/imports/7/cancel': () =>
        jsonResponse(
          (state.now = mapped({
            status: 'cancelled',
            job: job({
              error: 'Cancelled: nothing was imported.',
              finishedAt: '2026-12-01T05:02:00Z',
            }),
          })),
        ),
    });
    const { user } = renderRoute('/imports');
    await uploadAndMap(user);
    await user.click(screen.getByRole('button', { name: 'Import' }));

    const bar = await screen.findByRole('progressbar', { name: 'Importing' });
    expect(bar).toHaveAttribute('aria-valuenow', '2');
    expect(bar).toHaveAttribute('aria-valuetext', '2 / 3 rows');
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveFocus();
    await user.click(cancel);

    expect(await screen.findByRole('heading', { name: 'Cancelled' })).toHaveFocus();
    expect(screen.getByText('Cancelled: nothing was imported.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/imports/7/cancel')).toHaveLength(1);
  });

  it('when the same file was committed before in receive mode, then the 409 offers "import again anyway" with confirmRepeat', async () => {
    const state = { now: makeImport() };
    const api = mockApi({
      'POST /api/v1/imports': () => jsonResponse(state.now, 201),
      ...checkedMapping(state),
      'GET /api/v1/imports/7/problems': () =>
        jsonResponse({ data: [], page: { limit: 100, nextAfter: null, total: 0 } }),
      'POST /api/v1/imports/7/commit': (request) =>
        (request.body as { confirmRepeat: boolean }).confirmRepeat
          ? jsonResponse((state.now = mapped({ status: 'queued', job: job() })), 202)
          : problemResponse({
              status: 409,
              code: 'IMPORT_REPEATED',
              title: 'Conflict',
              detail: 'A file with the same content was already committed (import 3).',
            }),
    });
    const { user } = renderRoute('/imports');
    await uploadAndMap(user);
    await user.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('already committed (import 3)');
    await user.click(screen.getByRole('button', { name: 'Import again anyway' }));

    expect(await screen.findByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      'Waiting to start…',
    );
    expect(api.requestsTo('POST', '/api/v1/imports/7/commit').map((r) => r.body)).toEqual([
      { dryRun: false, confirmRepeat: false },
      { dryRun: false, confirmRepeat: true },
    ]);
  });

  it('when the dry run finishes, then what the import would do shows and focus moves there', async () => {
    const state = { now: makeImport() };
    mockApi({
      'POST /api/v1/imports': () => jsonResponse(state.now, 201),
      // The dry run, once queued, is found finished at the next poll.
      ...checkedMapping(state, () =>
        state.now.status === 'queued'
          ? (state.now = mapped({
              job: job({ dryRun: true, finishedAt: '2026-12-01T05:03:00Z', result: counts() }),
            }))
          : state.now,
      ),
      'GET /api/v1/imports/7/problems': () =>
        jsonResponse({ data: [problem], page: { limit: 100, nextAfter: null, total: 1 } }),
      'POST /api/v1/imports/7/commit': () =>
        jsonResponse((state.now = mapped({ status: 'queued', job: job({ dryRun: true }) })), 202),
    });
    const { user } = renderRoute('/imports');
    await uploadAndMap(user);
    await user.click(screen.getByRole('button', { name: 'Dry run' }));

    const heading = await screen.findByRole('heading', { name: /Dry run finished/ }, POLL);
    expect(heading).toHaveFocus();
    expect(screen.getByLabelText('What the import would do')).toBeInTheDocument();
  });

  it('when the server refuses the file, then its problem detail shows', async () => {
    mockApi({
      'POST /api/v1/imports': () =>
        problemResponse({
          status: 415,
          code: 'UNSUPPORTED_FILE',
          title: 'Unsupported Media Type',
          detail: 'This file is not CSV or XLSX: it is a PDF.',
        }),
    });
    const { user } = renderRoute('/imports');
    await user.upload(await screen.findByLabelText('CSV or XLSX file'), csv());
    expect(await screen.findByRole('alert')).toHaveTextContent('it is a PDF');
    expect(screen.getByText(/Up to 50 MB/)).toBeInTheDocument();
  });

  it('when an operator opens the page, then it says they may not and no file input shows', async () => {
    mockApi({}, { role: 'operator' });
    renderRoute('/imports');
    expect(await screen.findByRole('heading', { name: 'No permission' })).toBeInTheDocument();
    expect(screen.queryByLabelText('CSV or XLSX file')).not.toBeInTheDocument();
  });
});
