import { useLayoutEffect } from 'react';

/**
 * Sets the tab's title to "<page> · Stockroom". document.title rather than a React <title>
 * element: React 19 hoists such elements next to index.html's own <title>, leaving two in the
 * head, and browsers and screen readers then read whichever comes first. A layout effect, so
 * the title changes in the same commit as the page: a passive effect runs a task later, and
 * the page-title test caught the new heading on screen with the old title (CI, 2026-12-04).
 */
export function usePageTitle(page: string) {
  useLayoutEffect(() => {
    document.title = `${page} · Stockroom`;
  }, [page]);
}
