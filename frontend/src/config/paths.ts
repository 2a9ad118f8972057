import type { MovementKind } from '../lib/api-types';

// Route paths in one place so links and the router cannot drift apart.
export const paths = {
  home: '/',
  items: '/items',
  newItem: '/items/new',
  item: (id: string | number) => `/items/${encodeURIComponent(id)}`,
  locations: '/locations',
  location: (id: string | number) => `/locations/${encodeURIComponent(id)}`,
  movements: '/movements',
  newMovement: '/movements/new',
  movementForm: (kind: MovementKind, itemId?: number) =>
    `/movements/new?kind=${kind}${itemId === undefined ? '' : `&itemId=${itemId}`}`,
  status: '/status',
} as const;
