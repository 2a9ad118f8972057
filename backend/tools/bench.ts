// Load benchmark through nginx against a running stack:
//   npm run bench -- --email admin@example.com --password '…'   # or --token sr_… (write scope)
//   npm run bench -- --url http://localhost:8080 --duration 15 --connections 20
// Prints requests/s and p50/p99 latency for list, search, stock and post-movement.
// Seed first for realistic figures: docker compose exec api node dist/cli/seed.js --items 100000 --movements 1000000
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    // Sign in with a password (a session cookie) or use an API token (write scope).
    email: { type: 'string' },
    password: { type: 'string' },
    token: { type: 'string' },
  },
});
const base = values.url ?? `http://localhost:${process.env.HTTP_PORT ?? '80'}`;
const duration = Number(values.duration);
const connections = Number(values.connections);

const auth: Record<string, string> = {};

async function signIn(): Promise<void> {
  if (values.token) {
    auth.authorization = `Bearer ${values.token}`;
    return;
  }
  if (!values.email || !values.password) {
    console.error('usage: bench (--token sr_… | --email E --password P) [--url U] [--duration S]');
    process.exit(2);
  }
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'stockroom' },
    body: JSON.stringify({ email: values.email, password: values.password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  auth.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  auth['x-requested-with'] = 'stockroom';
}

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...auth, ...(init?.headers ?? {}) },
  });
  if (!res.ok)
    throw new Error(`${init?.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function prepare() {
  const tag = `BENCH-${Date.now().toString(36).toUpperCase()}`;
  const item = await api<{ id: number }>('/api/v1/items', {
    method: 'POST',
    body: JSON.stringify({ sku: tag, name: 'Benchmark item' }),
  });
  const loc = await api<{ id: number }>('/api/v1/locations', {
    method: 'POST',
    body: JSON.stringify({ code: tag, name: 'Benchmark bin' }),
  });
  const page = await api<{ data: { id: number }[]; page: { total: number } }>(
    '/api/v1/items?limit=200&sort=updatedAt&order=desc',
  );
  const bins = await api<{ data: { id: number }[] }>('/api/v1/locations?limit=200');
  return {
    item,
    loc,
    itemIds: page.data.map((i) => i.id),
    locationIds: bins.data.map((l) => l.id),
    totalItems: page.page.total,
  };
}

type Scenario = { name: string; requests: autocannon.Request[] };

async function run(s: Scenario) {
  const result = await autocannon({
    url: base,
    connections,
    duration,
    headers: auth,
    requests: s.requests,
  });
  return {
    name: s.name,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    requests: result.requests.total,
    'non-2xx': result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function main() {
  await signIn();
  const { item, loc, itemIds, locationIds, totalItems } = await prepare();
  const any = (ids: number[], fallback: number) =>
    ids[Math.floor(Math.random() * ids.length)] ?? fallback;
  const pick = () => any(itemIds, item.id);
  const scenarios: Scenario[] = [
    {
      name: 'list items (page of 50)',
      requests: [{ method: 'GET', path: '/api/v1/items?limit=50' }],
    },
    {
      name: 'search items ("hinge")',
      requests: [{ method: 'GET', path: '/api/v1/items?q=hinge&limit=50' }],
    },
    {
      name: 'search items (SKU fragment)',
      requests: [{ method: 'GET', path: '/api/v1/items?q=-00042&limit=50' }],
    },
    {
      name: 'stock of an item',
      requests: [
        { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/v1/items/${pick()}/stock` }) },
      ],
    },
    {
      name: 'post movement (receive, random item and bin)',
      requests: [
        {
          method: 'POST',
          path: '/api/v1/movements',
          setupRequest: (r) => ({
            ...r,
            headers: {
              ...auth,
              'content-type': 'application/json',
              'idempotency-key': randomUUID(),
            },
            body: JSON.stringify({
              kind: 'receive',
              itemId: pick(),
              toLocationId: any(locationIds, loc.id),
              quantity: 1,
            }),
          }),
        },
      ],
    },
  ];
  console.log(
    `Stockroom benchmark: ${base}, ${totalItems} items, ${connections} connections, ${duration} s per scenario`,
  );
  const rows = [];
  for (const s of scenarios) rows.push(await run(s));
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
