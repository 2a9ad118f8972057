import { useCallback } from 'react';
import { apiRequest } from '@/lib/api-client';
import type { Item, Location, OffsetList } from '@/lib/api-types';
import { toQueryString } from '@/lib/query-string';

// The two scanner look-ups counting needs (the movement form has its own, cached; features
// do not share code, and a count reads each code once).

/** GET /api/v1/items/lookup?code= — exact SKU or barcode; 404 ITEM_NOT_FOUND otherwise. */
export const useLookupItem = () =>
  useCallback((code: string) => apiRequest<Item>(`/v1/items/lookup${toQueryString({ code })}`), []);

/** GET /api/v1/locations?code= (exact, case-insensitive) → the active location, or null. */
export const useFindLocationByCode = () =>
  useCallback(async (code: string): Promise<Location | null> => {
    const body = await apiRequest<OffsetList<Location>>(
      `/v1/locations${toQueryString({ code, limit: 1 })}`,
    );
    return body.data[0] ?? null;
  }, []);
