import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderRoute } from '../testing/render-route';
import { sessionResponse } from '../testing/session';

describe('app router and layout', () => {
  beforeEach(() => {
    // Signed in; the pages' own data stays pending, as these tests are about the shell.
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) => {
        const session = sessionResponse(input);
        return session ? Promise.resolve(session) : new Promise<Response>(() => undefined);
      }),
    );
  });

  it('when on a page, then its nav link is marked as the current page', async () => {
    renderRoute('/locations');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Locations' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).not.toHaveAttribute(
      'aria-current',
    );
  });

  it('when following a nav link, then the current marker moves with it', async () => {
    const { user } = renderRoute('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });

    await user.click(within(nav).getByRole('link', { name: 'Items' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Items' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Items' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).not.toHaveAttribute(
      'aria-current',
    );
  });

  it('when deep-linking to an item, then it renders inside the shell with Items active', async () => {
    renderRoute('/items/42');

    expect(await screen.findByRole('heading', { level: 1, name: 'Item' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toContainElement(screen.getByRole('heading', { level: 1 }));
    expect(screen.getByRole('link', { name: 'Items' })).toHaveAttribute('aria-current', 'page');
  });

  it('when the path is unknown, then the not-found page renders inside the shell', async () => {
    renderRoute('/no/such/page');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('Stockroom');
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute(
      'href',
      '#main-content',
    );
  });
});
