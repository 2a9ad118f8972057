import { useRef, type KeyboardEvent } from 'react';
import { typedAtScannerSpeed } from './quantity-guard';

/**
 * When each character of a field was typed, since it was last empty: a wedge scanner types a
 * whole code within a few milliseconds, a person does not.
 */
export function useScanTimes() {
  const times = useRef<number[]>([]);
  return {
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      const field = event.currentTarget;
      const replacing =
        field.value === '' ||
        (field.selectionStart === 0 && field.selectionEnd === field.value.length);
      times.current = replacing ? [event.timeStamp] : [...times.current, event.timeStamp];
    },
    reset: () => {
      times.current = [];
    },
    fast: () => typedAtScannerSpeed(times.current),
  };
}
