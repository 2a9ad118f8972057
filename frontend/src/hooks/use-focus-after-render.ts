import { useCallback, useEffect, useReducer, useRef } from 'react';

/** Tries to move focus; false while what it should land on is not on screen yet. */
export type FocusAttempt = () => boolean;

/**
 * Moves focus once React has rendered what it should land on (an alert, a field's message).
 * Not a timer: `setTimeout(…, 0)` races React's own render task and can fire first, find no
 * alert and leave focus on the submit button (the sign-in form did, in CI). The effect runs
 * after every render until the attempt succeeds, then stops.
 */
export function useFocusAfterRender(): (attempt: FocusAttempt) => void {
  const pending = useRef<FocusAttempt | null>(null);
  // Asking renders once more, so the attempt runs even if nothing else changes.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (pending.current?.()) pending.current = null;
  });
  return useCallback((attempt: FocusAttempt) => {
    pending.current = attempt;
    rerender();
  }, []);
}

/** An attempt that focuses the element `target` returns, once it is rendered. */
export const focusOn =
  (target: () => HTMLElement | null | undefined): FocusAttempt =>
  () => {
    const element = target();
    element?.focus();
    return Boolean(element);
  };
