import type { QueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Item } from '@/lib/api-types';
import { recentItemMovementsQueryOptions } from '../api/get-recent-item-movements';
import { stockByLocationQueryOptions } from '../api/get-stock-by-location';
import type { MovementValues } from './movement-form-logic';
import {
  checkQuantity,
  usualMovementSize,
  type KnownLocation,
  type QuantityVerdict,
} from '@/components/scan-guard/quantity-guard';
import { useScanTimes } from '@/components/scan-guard/use-scan-times';

/**
 * The movement form's quantity checks (see quantity-guard.ts) with what they need: how the
 * value was typed, the item's usual movement size and its stock, and the open question when
 * a value needs an explicit yes. A value once confirmed is not asked about again.
 */
export function useQuantityGuard(queryClient: QueryClient, locations: readonly KnownLocation[]) {
  const scanTimes = useScanTimes();
  const [question, setQuestion] = useState<{ text: string; quantity: string } | null>(null);
  const confirmed = useRef<string | null>(null);

  const check = async (item: Item, values: MovementValues): Promise<QuantityVerdict> => {
    if (confirmed.current !== null && confirmed.current === values.quantity) {
      return { action: 'post' };
    }
    // Best effort: without history or stock the checks fall back to a default size.
    const [recent, stock] = await Promise.all([
      queryClient
        .fetchQuery({ ...recentItemMovementsQueryOptions(item.id), staleTime: 60_000 })
        .then((page) => page.data)
        .catch(() => null),
      queryClient
        .ensureQueryData(stockByLocationQueryOptions(item.id))
        .then((body) => body.data)
        .catch(() => null),
    ]);
    const here = values.at ?? values.from;
    const line = here ? stock?.find((entry) => entry.location.id === here.id) : undefined;
    const verdict = checkQuantity({
      kind: values.kind,
      value: values.quantity,
      item,
      locations,
      typedFast: scanTimes.fast(),
      usualSize: recent ? usualMovementSize(recent) : null,
      stockHere: stock && here ? Number(line?.quantity ?? 0) : null,
    });
    if (verdict.action === 'clear') scanTimes.reset();
    if (verdict.action === 'confirm') {
      setQuestion({ text: verdict.question, quantity: values.quantity });
    }
    return verdict;
  };

  return {
    question,
    check,
    /** The next submit posts the value the question was about. */
    confirm: () => {
      confirmed.current = question?.quantity ?? null;
      setQuestion(null);
    },
    /** The quantity changed: a new value gets its own checks. */
    onQuantityInput: (event: { target: unknown; timeStamp: number }) => {
      const value = (event.target as HTMLInputElement).value;
      scanTimes.onInput(value, event.timeStamp);
      setQuestion(null);
    },
    /** The question was answered no: the quantity is cleared. */
    dismiss: () => {
      scanTimes.reset();
      setQuestion(null);
    },
    /** After a post or a refusal: start over. */
    reset: () => {
      confirmed.current = null;
      scanTimes.reset();
      setQuestion(null);
    },
  };
}
