import { useRef, useState } from 'react';
import {
  checkQuantity,
  type KnownLocation,
  type QuantityVerdict,
} from '@/components/scan-guard/quantity-guard';
import { useScanTimes } from '@/components/scan-guard/use-scan-times';
import type { Item } from '@/lib/api-types';

/**
 * The movement form's scanner checks on the counted quantity (a barcode is never a quantity):
 * a code scanned into it is cleared, a number typed at scanner speed or far above what a
 * shelf holds needs an explicit yes. A blind count knows no expected stock, so "far above"
 * is measured against the default size, as for an item without history.
 */
export function useCountGuard(location: KnownLocation | null) {
  const scanTimes = useScanTimes();
  const [question, setQuestion] = useState<{ text: string; quantity: string } | null>(null);
  const confirmed = useRef<string | null>(null);

  return {
    question,
    check: (item: Item, value: string): QuantityVerdict => {
      if (confirmed.current !== null && confirmed.current === value) return { action: 'post' };
      const verdict = checkQuantity({
        kind: 'count',
        value,
        item,
        locations: location ? [location] : [],
        typedFast: scanTimes.fast(),
        usualSize: null,
        stockHere: null,
      });
      if (verdict.action === 'clear') scanTimes.reset();
      if (verdict.action === 'confirm') setQuestion({ text: verdict.question, quantity: value });
      return verdict;
    },
    /** The next record sends the value the question was about. */
    confirm: () => {
      confirmed.current = question?.quantity ?? null;
      setQuestion(null);
    },
    onInput: (value: string, timeStamp: number) => {
      scanTimes.onInput(value, timeStamp);
      setQuestion(null);
    },
    /** After a recorded line, a "no", or a refusal: start over. */
    reset: () => {
      confirmed.current = null;
      scanTimes.reset();
      setQuestion(null);
    },
  };
}
