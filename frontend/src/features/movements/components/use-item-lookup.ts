import { useRef, useState } from 'react';
import { ApiError } from '@/lib/api-errors';
import type { Item } from '@/lib/api-types';
import { useLookupItem } from '../api/lookup-item';

/** What an item code lookup ended with: the item, or why there is none to use. */
export type ItemLookup = { item: Item } | { error: string; unknownCode?: string };

interface ItemLookupHandlers {
  onFound: (item: Item) => void;
  onError: (message: string) => void;
}

/**
 * Item code lookups for the movement form. A scanner types a code, Enter, a quantity and
 * Enter faster than the lookup answers, so the lookup in flight is kept: a submit waits for
 * it (`inFlight`) instead of being dropped or sent without the item.
 */
export function useItemLookup({ onFound, onError }: ItemLookupHandlers) {
  const lookupItem = useLookupItem();
  const [lookingUp, setLookingUp] = useState(false);
  const inFlightRef = useRef<Promise<ItemLookup | null> | null>(null);

  const fetchItem = async (code: string): Promise<ItemLookup> => {
    try {
      const found = await lookupItem(code);
      if (found.archivedAt) {
        return { error: `${found.sku} is archived; unarchive it to record movements.` };
      }
      return { item: found };
    } catch (cause) {
      if (!(cause instanceof ApiError)) {
        return { error: 'Could not look the code up: Stockroom cannot reach its server.' };
      }
      if (cause.status === 404) return { error: `No item with code ${code}.`, unknownCode: code };
      return { error: cause.detail ?? cause.title };
    }
  };

  /** Looks CODE up; null when a newer lookup or an edit of the code overtook this one. */
  const resolve = (code: string): Promise<ItemLookup | null> => {
    setLookingUp(true);
    const lookup: Promise<ItemLookup | null> = fetchItem(code).then((result) => {
      if (inFlightRef.current !== lookup) return null;
      inFlightRef.current = null;
      setLookingUp(false);
      if ('item' in result) onFound(result.item);
      else onError(result.error);
      return result;
    });
    inFlightRef.current = lookup;
    return lookup;
  };

  /** The code was edited: whatever the lookup in flight finds is no longer wanted. */
  const cancel = () => {
    if (!inFlightRef.current) return;
    inFlightRef.current = null;
    setLookingUp(false);
  };

  return { lookingUp, resolve, cancel, inFlight: () => inFlightRef.current };
}
