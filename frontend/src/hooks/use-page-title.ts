import { useEffect } from 'react';

/**
 * Sets the tab's title to "<page> · Stockroom". document.title rather than a React <title>
 * element: React 19 hoists such elements next to index.html's own <title>, leaving two in the
 * head, and browsers and screen readers then read whichever comes first.
 */
export function usePageTitle(page: string) {
  useEffect(() => {
    document.title = `${page} · Stockroom`;
  }, [page]);
}
