// Setting a run up: the items and locations its movements use, created through the API
// (or reused by id), so a run only touches rows of its own.
import { die, num } from '../cli.mjs';
import { definitive, request, sleep } from './client.mjs';

/** POSTs BODY to PATH, retrying an outage for ~5 s; the new row's id. */
async function createOrDie(ctx, path, body) {
  for (let attempt = 1; ; attempt++) {
    const r = await request(ctx, 'POST', path, { body });
    if (r.status === 201) return r.json.id;
    if (definitive(r.status) || attempt >= 10)
      die('load', `POST ${path} answered ${r.status} ${r.error ?? ''}`);
    await sleep(500);
  }
}

/** Fills CTX.items and CTX.locations from --item-ids/--location-ids, --items/--locations. */
export async function setup(ctx, opts) {
  const ids = (list) => String(list).split(',').map(Number);
  ctx.items = opts['item-ids'] ? ids(opts['item-ids']) : [];
  ctx.locations = opts['location-ids'] ? ids(opts['location-ids']) : [];
  for (let i = ctx.items.length + 1; i <= num('load', opts, 'items', 4); i++)
    ctx.items.push(
      await createOrDie(ctx, '/api/v1/items', { sku: `${ctx.run}-I${i}`, name: `Drill item ${i}` }),
    );
  for (let i = ctx.locations.length + 1; i <= num('load', opts, 'locations', 3); i++)
    ctx.locations.push(
      await createOrDie(ctx, '/api/v1/locations', {
        code: `${ctx.run}-L${i}`,
        name: `Drill bin ${i}`,
      }),
    );
}
