import { useRef } from 'react';
import { typedAtScannerSpeed } from './quantity-guard';

/**
 * When each character of a field arrived, for as long as it was typed one character at a time
 * onto the end: a wedge scanner types a whole code within a few milliseconds, a person does
 * not. A paste, a fill, a deletion or a value set by the form starts the record over.
 */
export function useScanTimes() {
  const times = useRef<number[]>([]);
  const last = useRef('');
  return {
    onInput: (value: string, timeStamp: number) => {
      const appended = value.length === last.current.length + 1 && value.startsWith(last.current);
      times.current = appended ? [...times.current, timeStamp] : value ? [timeStamp] : [];
      last.current = value;
    },
    reset: () => {
      times.current = [];
      last.current = '';
    },
    fast: () => typedAtScannerSpeed(times.current),
  };
}
