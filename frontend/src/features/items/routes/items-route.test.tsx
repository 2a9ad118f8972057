import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeItem, keysetPage } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

const bolt = makeItem({
  id: 1,
  sku: 'BOLT-6',
  name: 'Hex bolt M6',
  onHand: '4',
  reorderPoint: '10',
});
const nut = makeItem({
  id: 2,
  sku: 'NUT-6',
  name: 'Hex nut M6',
  onHand: '1200',
  reorderPoint: null,
});

function itemsApi() {
  return mockApi({
    'GET /api/v1/items/categories': () => jsonResponse({ data: ['Fasteners'] }),
    'GET /api/v1/items': ({ url }) => {
      const q = url.searchParams.get('q') ?? '';
      if (q === 'zzz') return jsonResponse(keysetPage([]));
      if (q === 'bolt') return jsonResponse(keysetPage([bolt]));
      if (url.searchParams.get('cursor') === 'NEXT-1')
        return jsonResponse(
          keysetPage([nut], { count: 1000, countExact: false, prevCursor: 'PREV-2' }),
        );
      return jsonResponse(
        keysetPage([bolt, nut], { count: 1000, countExact: false, nextCursor: 'NEXT-1' }),
      );
    },
  });
}

describe('ItemsRoute', () => {
  it('when the list loads, then it shows rows, stock with units, status badges and the range', async () => {
    itemsApi();
    renderRoute('/items');

    const table = await screen.findByRole('table', { name: 'Items' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole('link', { name: 'BOLT-6' })).toHaveAttribute(
      'href',
      '/items/1',
    );
    expect(rows[1]).toHaveTextContent('4 each');
    expect(within(rows[1]!).getByText('Low')).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('1,200 each');
    // No exact total of a big table: the count says where it stopped.
    expect(screen.getByText('More than 1,000 items')).toBeInTheDocument();
    expect(screen.getByText('2 shown of more than 1,000')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
  });

  it('when typing a search, then the URL gets ?q= after a pause and the results follow', async () => {
    const api = itemsApi();
    const { user, router } = renderRoute('/items');
    await screen.findByRole('table', { name: 'Items' });

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'bolt');

    await screen.findByText('1 shown of 1');
    expect(router.state.location.search).toBe('?q=bolt');
    expect(screen.queryByText('NUT-6')).not.toBeInTheDocument();
    // Debounced: one request for the whole word, not one per keystroke.
    const searches = api.requestsTo('GET', '/api/v1/items').map((r) => r.url.searchParams.get('q'));
    expect(searches).toEqual([null, 'bolt']);
  });

  it('when the URL already has ?q=, then the search box and results start from it', async () => {
    itemsApi();
    renderRoute('/items?q=bolt');

    expect(await screen.findByText('1 shown of 1')).toBeInTheDocument();
    expect(screen.getByText('1 item')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('bolt');
  });

  it('when nothing matches, then the empty state offers to clear the filters', async () => {
    itemsApi();
    const { user, router } = renderRoute('/items?q=zzz');

    expect(
      await screen.findByRole('heading', { name: 'No items match these filters' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    expect(await screen.findByRole('table', { name: 'Items' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('when there are no items at all, then it invites creating the first one', async () => {
    mockApi({
      'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
      'GET /api/v1/items': () => jsonResponse(keysetPage([])),
    });
    renderRoute('/items');

    expect(
      await screen.findByRole('heading', { name: 'No items yet — create your first item' }),
    ).toBeInTheDocument();
  });

  it('when Next and then Previous are pressed, then the cursors go into the URL and the request', async () => {
    const api = itemsApi();
    const { user, router } = renderRoute('/items');
    await screen.findByRole('table', { name: 'Items' });

    await user.click(screen.getByRole('button', { name: 'Next' }));

    await screen.findByText('1 shown of more than 1,000');
    expect(router.state.location.search).toBe('?cursor=NEXT-1');
    expect(api.requestsTo('GET', '/api/v1/items').at(-1)?.url.searchParams.get('cursor')).toBe(
      'NEXT-1',
    );
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(router.state.location.search).toBe('?cursor=PREV-2');
  });

  it('when the URL has a cursor the API refuses, then the page offers the first page instead of an error', async () => {
    mockApi({
      'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
      'GET /api/v1/items': ({ url }) =>
        url.searchParams.get('cursor')
          ? problemResponse({
              title: 'Bad request',
              status: 400,
              code: 'VALIDATION_FAILED',
              detail:
                'cursor: is not a cursor this API returned for this list; start from the first page',
            })
          : jsonResponse(keysetPage([bolt])),
    });
    const { user, router } = renderRoute('/items?cursor=EDITED');

    await user.click(await screen.findByRole('button', { name: 'Go to the first page' }));

    expect(router.state.location.search).toBe('');
    expect(await screen.findByRole('table', { name: 'Items' })).toBeInTheDocument();
  });

  it('when opened at ?lowStock=1 (the dashboard link), then it asks for low stock by largest shortfall and the filter shows on', async () => {
    const api = itemsApi();
    const { user } = renderRoute('/items?lowStock=1&sort=shortfall');

    await screen.findByRole('table', { name: 'Items' });
    const sent = api.requestsTo('GET', '/api/v1/items').at(-1)!.url.searchParams;
    expect(sent.get('lowStock')).toBe('true');
    expect(sent.get('sort')).toBe('shortfall');
    expect(sent.get('order')).toBe('desc');
    const box = screen.getByRole('checkbox', { name: 'Low stock only' });
    expect(box).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('shortfall');

    await user.click(box);
    expect(box).not.toBeChecked();
    expect(api.requestsTo('GET', '/api/v1/items').at(-1)?.url.searchParams.has('lowStock')).toBe(
      false,
    );
  });
});
