// Forms do not lose work silently and cannot post twice; confirmations take focus and give it back.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeItem } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderRoute } from '@/testing/render-route';
import { heldBack, jsonResponse } from '@/testing/responses';

const created = makeItem({ id: 7, sku: 'NEW-1', name: 'Widget' });

function newItemApi(post: () => Response | Promise<Response> = () => jsonResponse(created, 201)) {
  return mockApi({
    'GET /api/v1/items/categories': () => jsonResponse({ data: [] }),
    'GET /api/v1/items': () => jsonResponse({ data: [], page: { limit: 50, offset: 0, total: 0 } }),
    'GET /api/v1/items/7': () => jsonResponse(created),
    'POST /api/v1/items': post,
  });
}

describe('item forms on the floor', () => {
  it('when Create is clicked twice in a row, then the item is posted once', async () => {
    const answer = heldBack(() => jsonResponse(created, 201));
    const api = newItemApi(answer.answer);
    const { user } = renderRoute('/items/new');

    await user.type(await screen.findByRole('textbox', { name: 'SKU' }), 'NEW-1');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Widget');
    const button = screen.getByRole('button', { name: 'Create item' });
    // Both clicks land before React has re-rendered (a fast double click).
    fireEvent.click(button);
    fireEvent.click(button);
    await answer.release();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'NEW-1 — Widget' }),
    ).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/v1/items')).toHaveLength(1);
  });

  it('when leaving a half-filled form, then it asks first; Escape stays, and leaving is explicit', async () => {
    newItemApi();
    const { user, router } = renderRoute('/items/new');

    await user.type(await screen.findByRole('textbox', { name: 'SKU' }), 'HALF');
    const back = screen.getByRole('link', { name: '← Back to items' });
    await user.click(back);

    const question = await screen.findByRole('group', { name: /Leave this form\?/ });
    await waitFor(() => expect(question).toHaveFocus());
    expect(router.state.location.pathname).toBe('/items/new');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: /Leave this form\?/ })).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/items/new');
    expect(screen.getByRole('textbox', { name: 'SKU' })).toHaveValue('HALF');
    await waitFor(() => expect(back).toHaveFocus());

    await user.click(back);
    await user.click(
      within(await screen.findByRole('group', { name: /Leave this form\?/ })).getByRole('button', {
        name: 'Leave without saving',
      }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/items'));
  });

  it('when nothing was typed, then leaving does not ask', async () => {
    newItemApi();
    const { user, router } = renderRoute('/items/new');

    await user.click(await screen.findByRole('link', { name: '← Back to items' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/items'));
  });
});
