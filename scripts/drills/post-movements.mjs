// Drill 08: posts N receive movements spread over K new items, CONCURRENCY at a time, with
// a write token. Prints the count posted.
//   BASE_URL=… TOKEN=sr_… node scripts/drills/post-movements.mjs N K CONCURRENCY
const [n, k, concurrency] = process.argv.slice(2).map(Number);
const base = process.env.BASE_URL;
const headers = {
  authorization: `Bearer ${process.env.TOKEN}`,
  'content-type': 'application/json',
};
const call = async (path, body) => {
  const res = await fetch(base + path, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
};
const tag = `D08-${Date.now().toString(36)}`.toUpperCase();
const loc = await call('/api/v1/locations', { code: tag, name: 'Drill 08' });
const items = [];
for (let i = 0; i < k; i++)
  items.push(await call('/api/v1/items', { sku: `${tag}-${i}`, name: `Drill 08 ${i}` }));
let next = 0;
let posted = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < n) {
      const i = next++;
      await call('/api/v1/movements', {
        kind: 'receive',
        itemId: items[i % k].id,
        toLocationId: loc.id,
        quantity: 1,
      });
      posted++;
    }
  }),
);
console.log(posted);
