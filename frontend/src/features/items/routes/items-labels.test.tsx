import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keysetPage, makeItem } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

const bolt = makeItem({ id: 1, sku: 'BOLT-6', name: 'Hex bolt M6' });

function labelsApi(print: () => Response) {
  return mockApi({
    'GET /api/v1/items/categories': () => jsonResponse({ data: ['Fasteners'] }),
    'GET /api/v1/items': () => jsonResponse(keysetPage([bolt], { count: 31, countExact: true })),
    'GET /api/v1/labels/layout': () =>
      jsonResponse({ preset: 'L7163', qr: false, copies: 1, skip: 0 }),
    'POST /api/v1/labels': print,
  });
}

const pdf = () =>
  new Response(new Blob(['%PDF-1.3'], { type: 'application/pdf' }), {
    headers: { 'Content-Type': 'application/pdf', 'X-Label-Count': '62' },
  });

describe('Print labels on the items list', () => {
  // jsdom has no object URLs; the download is the browser's job, we check it is asked for.
  const createObjectURL = vi.fn(() => 'blob:labels');
  let saved: string[] = [];
  beforeEach(() => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    // jsdom cannot follow a link; record which file the download link asked for instead.
    saved = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(`${this.download} ${this.href}`);
    });
  });
  afterEach(() => {
    createObjectURL.mockClear();
    vi.restoreAllMocks();
  });

  it('when labels are printed from a filtered list, then the filters (not just this page) and the chosen layout are sent and the PDF is downloaded', async () => {
    const api = labelsApi(pdf);
    const { user } = renderRoute('/items?category=Fasteners&lowStock=1&sort=name');
    await user.click(await screen.findByRole('button', { name: 'Print labels' }));

    const layout = await screen.findByRole('combobox', { name: 'Layout' });
    expect(layout).toHaveValue('L7163');
    await user.selectOptions(layout, '5160');
    await user.clear(screen.getByRole('spinbutton', { name: 'Copies of each label' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Copies of each label' }), '2');
    await user.click(screen.getByRole('checkbox', { name: /QR code/ }));
    await user.click(screen.getByRole('button', { name: 'Download PDF' }));

    expect(await screen.findByText('Downloaded 62 labels.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/labels')[0]?.body).toEqual({
      source: {
        kind: 'itemFilter',
        filter: {
          q: '',
          archived: 'active',
          category: 'Fasteners',
          lowStock: 'true',
          sort: 'name',
          order: 'asc',
        },
      },
      layout: { preset: '5160', qr: true, copies: 2, skip: 0 },
    });
    expect(saved).toEqual(['stockroom-labels.pdf blob:labels']);
  });

  it('when the server refuses (too many labels), then its reason is shown and nothing is downloaded', async () => {
    labelsApi(() =>
      problemResponse({
        status: 422,
        code: 'TOO_MANY_LABELS',
        title: 'Unprocessable',
        detail: 'That is 6000 labels; at most 5000 fit one request.',
      }),
    );
    const { user } = renderRoute('/items');
    await user.click(await screen.findByRole('button', { name: 'Print labels' }));
    await user.click(await screen.findByRole('button', { name: 'Download PDF' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('at most 5000 fit one request');
    expect(saved).toEqual([]);
  });

  it('when copies are out of range or a custom grid field is emptied, then each field says what it takes and nothing is sent', async () => {
    const api = labelsApi(pdf);
    const { user } = renderRoute('/items');
    await user.click(await screen.findByRole('button', { name: 'Print labels' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Layout' }), 'custom');
    const copies = screen.getByRole('spinbutton', { name: 'Copies of each label' });
    await user.clear(copies);
    await user.type(copies, '500');
    await user.clear(screen.getByRole('spinbutton', { name: 'Columns' }));
    await user.click(screen.getByRole('button', { name: 'Download PDF' }));

    expect(copies).toHaveAccessibleDescription('Enter a whole number from 1 to 100.');
    expect(screen.getByRole('spinbutton', { name: 'Columns' })).toHaveAccessibleDescription(
      'Enter a whole number from 1 to 10.',
    );
    expect(api.requestsTo('POST', '/api/v1/labels')).toHaveLength(0);

    await user.clear(copies);
    await user.type(copies, '3');
    await user.type(screen.getByRole('spinbutton', { name: 'Columns' }), '4');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Paper' }), 'letter');
    await user.click(screen.getByRole('button', { name: 'Download PDF' }));

    expect(await screen.findByText('Downloaded 62 labels.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/labels')[0]?.body).toMatchObject({
      layout: {
        preset: 'custom',
        copies: 3,
        custom: { paper: 'letter', columns: 4, rows: 8, labelWidth: 64 },
      },
    });
  });
});
