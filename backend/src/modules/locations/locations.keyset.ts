import type { KeysetSpec, SortKey } from '../../lib/keyset';

// The locations list's orders as keyset keys (apart from the repository so the query schema
// can check a cursor against its sort).

const id = (dir: 'asc' | 'desc'): SortKey => ({ sql: 'locations.id', type: 'bigint', dir });

export function locationsKeyset(query: {
  sort: 'code' | 'name';
  order: 'asc' | 'desc';
}): KeysetSpec {
  return {
    shape: `locations.${query.sort}.${query.order}`,
    keys: [
      { sql: `lower(locations.${query.sort})`, type: 'text', dir: query.order },
      id(query.order),
    ],
  };
}
