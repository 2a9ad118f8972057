import { useCallback, useSyncExternalStore } from 'react';

/** The width below which the layout switches to its phone arrangement (matches the CSS). */
export const PHONE_QUERY = '(max-width: 640px)';

/** Whether `query` matches now; follows resizes and rotation. False where matchMedia is absent. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
    () => false,
  );
}
