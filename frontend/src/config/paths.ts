// Route paths in one place so links and the router cannot drift apart.
export const paths = {
  home: '/',
  items: '/items',
  item: (id: string) => `/items/${encodeURIComponent(id)}`,
  locations: '/locations',
  movements: '/movements',
  status: '/status',
} as const;
