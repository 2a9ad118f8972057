import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse } from '@/testing/responses';
import { check, counts, makeImport, problem } from './import-fixtures';

const MAPPING = { columns: { sku: 0, name: 1 }, stockAs: 'count', mode: 'valid-rows' } as const;
// PUT mapping answers 202 with the rows being checked; the poll after finds the preview.
const checking = makeImport({ status: 'checking', mapping: MAPPING, check: check() });
const mapped = makeImport({
  status: 'mapped',
  mapping: MAPPING,
  preview: counts({ problems: 101, invalidRows: 101 }),
  check: check({ done: 3, finishedAt: '2026-12-01T05:00:25.000Z' }),
});

describe('ImportRoute steps', () => {
  it('when a file is dropped on the drop area, then it is uploaded', async () => {
    const api = mockApi({ 'POST /api/v1/imports': () => jsonResponse(makeImport(), 201) });
    renderRoute('/imports');
    const input = await screen.findByLabelText('CSV or XLSX file');
    const file = new File(['sku;name\n'], 'dropped.csv');
    fireEvent.drop(input.closest('.import-drop') as Element, { dataTransfer: { files: [file] } });

    expect(await screen.findByRole('combobox', { name: 'SKU' })).toBeInTheDocument();
    const sent = api.requestsTo('POST', '/api/v1/imports')[0];
    expect(sent?.url.searchParams.get('fileName')).toBe('dropped.csv');
  });

  it('when an XLSX file has several sheets, then another sheet is read by sending the file again with ?sheet=', async () => {
    const book = (sheet: string) =>
      makeImport({
        id: sheet === 'Items' ? 8 : 9,
        fileName: 'book.xlsx',
        format: 'xlsx',
        sheets: ['Items', 'Counts'],
        sheet,
        headers: sheet === 'Items' ? ['SKU', 'Name'] : ['Code', 'Qty'],
      });
    const api = mockApi({
      'POST /api/v1/imports': ({ url }) =>
        jsonResponse(book(url.searchParams.get('sheet') ?? 'Items'), 201),
    });
    const { user } = renderRoute('/imports');
    await user.upload(
      await screen.findByLabelText('CSV or XLSX file'),
      new File(['PK'], 'book.xlsx'),
    );
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Sheet' }), 'Counts');
    await user.click(screen.getByRole('button', { name: 'Read this sheet' }));

    const sku = screen.getByRole('combobox', { name: 'SKU' });
    expect(await within(sku).findByRole('option', { name: 'Qty' })).toBeInTheDocument();
    expect(within(sku).queryByRole('option', { name: 'Name' })).not.toBeInTheDocument();
    const sent = api.requestsTo('POST', '/api/v1/imports');
    expect(sent.map((r) => r.url.searchParams.get('sheet'))).toEqual([null, 'Counts']);
    expect(sent[0]?.headers.get('Content-Type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('when there are more problems than one page, then "Show more problems" fetches the next page with the cursor', async () => {
    const api = mockApi({
      'POST /api/v1/imports': () => jsonResponse(makeImport(), 201),
      'PUT /api/v1/imports/7/mapping': () => jsonResponse(checking, 202),
      'GET /api/v1/imports/7': () => jsonResponse(mapped),
      'GET /api/v1/imports/7/problems': ({ url }) =>
        url.searchParams.get('after') === '100'
          ? jsonResponse({
              data: [{ ...problem, id: 101, line: 102 }],
              page: { limit: 100, nextAfter: null, total: 101 },
            })
          : jsonResponse({ data: [problem], page: { limit: 100, nextAfter: 100, total: 101 } }),
    });
    const { user } = renderRoute('/imports');
    await user.upload(await screen.findByLabelText('CSV or XLSX file'), new File(['x'], 'a.csv'));
    await user.click(await screen.findByRole('button', { name: 'Check the rows' }));
    expect(
      await screen.findByRole('heading', { name: 'Problems (101)' }, { timeout: 4000 }),
    ).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Show more problems' }));
    expect(await screen.findByText('Line 102, Qty')).toBeInTheDocument();
    expect(screen.getByText('Line 3, Qty')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more problems' })).not.toBeInTheDocument();
    expect(api.requestsTo('GET', '/api/v1/imports/7/problems')).toHaveLength(2);
  });
});
