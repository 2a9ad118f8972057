import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeLocation, makeTreeNode } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { jsonResponse, problemResponse } from '@/testing/responses';

const tree = [
  makeTreeNode({
    id: 1,
    code: 'WH1',
    name: 'Main warehouse',
    depth: 0,
    stockLines: 5,
    itemsHere: 0,
    totals: [
      { unit: 'box', quantity: '12' },
      { unit: 'kg', quantity: '1250.5' },
    ],
  }),
  makeTreeNode({
    id: 2,
    code: 'WH1-A',
    name: 'Zone A',
    parentId: 1,
    depth: 1,
    stockLines: 5,
    itemsHere: 3,
    totals: [
      { unit: 'box', quantity: '12' },
      { unit: 'kg', quantity: '1250.5' },
    ],
  }),
  makeTreeNode({
    id: 3,
    code: 'WH1-A-01',
    name: 'Bin 1',
    parentId: 2,
    depth: 2,
    stockLines: 2,
    itemsHere: 2,
    totals: [{ unit: 'kg', quantity: '50' }],
  }),
  makeTreeNode({ id: 4, code: 'WH2', name: 'Overflow', depth: 0 }),
];

describe('LocationsRoute', () => {
  it('when the tree loads, then top levels are open with counts, and toggles expand and collapse', async () => {
    mockApi({ 'GET /api/v1/locations/tree': () => jsonResponse({ data: tree }) });
    const { user } = renderRoute('/locations');

    const wh1 = await screen.findByRole('button', { name: 'Contents of WH1' });
    expect(wh1).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: 'WH1 Main warehouse' })).toHaveAttribute(
      'href',
      '/locations/1',
    );
    expect(
      screen.getByText('5 stock lines · 12 box · 1,250.5 kg', {
        selector: '.location-tree__stats',
        exact: false,
      }),
    ).toBeInTheDocument();
    // Zone A is visible but closed, so its bin is hidden.
    const zone = screen.getByRole('button', { name: 'Contents of WH1-A' });
    expect(zone).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('link', { name: /WH1-A-01/ })).not.toBeInTheDocument();

    await user.click(zone);
    expect(zone).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: 'WH1-A-01 Bin 1' })).toBeInTheDocument();

    await user.click(wh1);
    expect(wh1).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('link', { name: 'WH1-A Zone A' })).not.toBeInTheDocument();
    // Leaf locations have no toggle.
    expect(screen.queryByRole('button', { name: 'Contents of WH2' })).not.toBeInTheDocument();
  });

  it('when Expand all is pressed, then every level is shown', async () => {
    mockApi({ 'GET /api/v1/locations/tree': () => jsonResponse({ data: tree }) });
    const { user } = renderRoute('/locations');

    await user.click(await screen.findByRole('button', { name: 'Expand all' }));

    expect(screen.getByRole('link', { name: 'WH1-A-01 Bin 1' })).toBeInTheDocument();
  });

  it('when there are no locations, then the empty state invites creating one', async () => {
    mockApi({ 'GET /api/v1/locations/tree': () => jsonResponse({ data: [] }) });
    renderRoute('/locations');

    expect(
      await screen.findByRole('heading', { name: 'No locations yet — add your first warehouse' }),
    ).toBeInTheDocument();
  });

  it('when creating a location under a parent, then it posts the parent id and the code conflict shows on the code field', async () => {
    let posts = 0;
    const api = mockApi({
      'GET /api/v1/locations/tree': () => jsonResponse({ data: tree }),
      'POST /api/v1/locations': () => {
        posts += 1;
        return posts === 1
          ? problemResponse({
              title: 'Conflict',
              status: 409,
              code: 'LOCATION_CODE_TAKEN',
              detail: 'Code WH1-A-01 is already used.',
            })
          : jsonResponse(
              makeLocation({ id: 9, code: 'WH1-A-02', name: 'Bin 2', parentId: 2 }),
              201,
            );
      },
    });
    const { user } = renderRoute('/locations');

    await user.click(await screen.findByRole('button', { name: 'New location' }));
    const code = screen.getByRole('textbox', { name: 'Code' });
    await waitFor(() => expect(code).toHaveFocus());
    await user.type(code, 'WH1-A-01');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Bin 2');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Parent' }), '2');
    await user.click(screen.getByRole('button', { name: 'Create location' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Code WH1-A-01 is already used.');
    expect(code).toHaveAccessibleDescription(
      expect.stringContaining('Code WH1-A-01 is already used.'),
    );
    expect(api.requestsTo('POST', '/api/v1/locations')[0]?.body).toEqual({
      code: 'WH1-A-01',
      name: 'Bin 2',
      parentId: 2,
    });

    await user.clear(code);
    await user.type(code, 'WH1-A-02');
    await user.click(screen.getByRole('button', { name: 'Create location' }));
    expect(await screen.findByText('Created WH1-A-02 — Bin 2.')).toBeInTheDocument();
  });
});

describe('LocationsRoute adding', () => {
  it('when "Add a location here" is pressed on a tree row, then the new-location form opens with that parent chosen', async () => {
    mockApi({ 'GET /api/v1/locations/tree': () => jsonResponse({ data: tree }) });
    const { user, router } = renderRoute('/locations');

    await user.click(await screen.findByRole('link', { name: 'Add a location in WH1-A' }));

    expect(router.state.location.search).toBe('?new=1&parentId=2');
    const parent = await screen.findByRole('combobox', { name: 'Parent' });
    await waitFor(() => expect(parent).toHaveValue('2'));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Code' })).toHaveFocus());
  });

  it('when "Save and add another" is pressed, then the location is created, the form clears but keeps the parent and focus returns to Code', async () => {
    const api = mockApi({
      'GET /api/v1/locations/tree': () => jsonResponse({ data: tree }),
      'POST /api/v1/locations': () =>
        jsonResponse(makeLocation({ id: 9, code: 'WH1-A-02', name: 'Bin 2', parentId: 2 }), 201),
    });
    const { user } = renderRoute('/locations?new=1&parentId=2');

    const code = await screen.findByRole('textbox', { name: 'Code' });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Parent' })).toHaveValue('2'));
    await user.type(code, 'WH1-A-02');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Bin 2');
    await user.click(screen.getByRole('button', { name: 'Save and add another' }));

    expect(await screen.findByText('Created WH1-A-02 — Bin 2. Add the next one.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(api.requestsTo('POST', '/api/v1/locations')[0]?.body).toEqual({
      code: 'WH1-A-02',
      name: 'Bin 2',
      parentId: 2,
    });
    expect(code).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Parent' })).toHaveValue('2');
    await waitFor(() => expect(code).toHaveFocus());
  });
});

describe('LocationDetailRoute', () => {
  const zone = makeLocation({ id: 2, code: 'WH1-A', name: 'Zone A', parentId: 1 });

  function detailApi() {
    return mockApi({
      'GET /api/v1/locations/tree': () => jsonResponse({ data: tree }),
      'GET /api/v1/locations/2': () => jsonResponse(zone),
      'GET /api/v1/locations/2/stock': () =>
        jsonResponse({
          data: [
            {
              item: { id: 1, sku: 'SKU-1', name: 'Hex bolt M6', unit: 'each', archivedAt: null },
              quantity: '1200',
              updatedAt: '2026-11-20T10:00:00.000Z',
            },
          ],
          page: { limit: 50, nextCursor: null, prevCursor: null, count: 1, countExact: true },
        }),
      'PATCH /api/v1/locations/2': () =>
        problemResponse({
          title: 'Unprocessable',
          status: 422,
          code: 'LOCATION_CYCLE',
          detail: 'WH1-A cannot be moved inside WH1-A-01, which is inside it.',
        }),
      'POST /api/v1/locations/2/archive': () =>
        problemResponse({
          title: 'Conflict',
          status: 409,
          code: 'LOCATION_NOT_EMPTY',
          detail: 'WH1-A still holds stock of 1 item; move it out before archiving.',
        }),
    });
  }

  it('when the page loads, then it shows the parent and the items stocked there', async () => {
    detailApi();
    renderRoute('/locations/2');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'WH1-A — Zone A' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Items stocked here' });
    expect(within(table).getByRole('link', { name: 'SKU-1' })).toHaveAttribute('href', '/items/1');
    expect(table).toHaveTextContent('1,200 each');
    expect(await screen.findByRole('link', { name: 'WH1 — Main warehouse' })).toBeInTheDocument();
  });

  it('when moving a location under its own descendant, then the 422 cycle error shows on the parent field', async () => {
    detailApi();
    const { user } = renderRoute('/locations/2');

    await user.click(await screen.findByRole('button', { name: 'Edit or move' }));
    const parent = screen.getByRole('combobox', { name: 'Parent' });
    expect(within(parent).queryByRole('option', { name: /Zone A/ })).not.toBeInTheDocument();
    await user.selectOptions(parent, '3');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('cannot be moved inside WH1-A-01');
    expect(parent).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(parent).toHaveFocus());
  });

  it('when archiving is refused (409), then the reason is shown', async () => {
    detailApi();
    const { user } = renderRoute('/locations/2');

    await user.click(await screen.findByRole('button', { name: 'Archive' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('still holds stock');
  });

  it('when viewing a zone, then its rolled-up stock shows per unit and "Add a location here" links to the form with it as parent', async () => {
    detailApi();
    renderRoute('/locations/2');

    expect(
      await screen.findByText('5 stock lines (3 items here) · 12 box · 1,250.5 kg'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add a location here' })).toHaveAttribute(
      'href',
      '/locations?new=1&parentId=2',
    );
  });
});
