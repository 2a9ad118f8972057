import { useCallback } from 'react';
import { useSearchParams } from '@/lib/router';

type Updates = Record<string, string | number | null | undefined>;

/**
 * Filters live in the URL so reload, back and shared links keep them. Empty values are
 * removed; `replace` avoids a history entry per keystroke.
 */
export function useSearchParamUpdater() {
  const [searchParams, setSearchParams] = useSearchParams();
  const update = useCallback(
    (updates: Updates, { replace = false }: { replace?: boolean } = {}) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(updates)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace },
      );
    },
    [setSearchParams],
  );
  return [searchParams, update] as const;
}
