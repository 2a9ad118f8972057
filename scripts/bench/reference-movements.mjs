// The reference server's movement posts (reference-server.mjs): the product's locks and writes.
import { createHash } from 'node:crypto';
import { pool } from './reference-db.mjs';

/** What every post's answer ends with: no reference or note, the author, the ledger times. */
const answered = (who, row) => ({
  reference: null,
  note: null,
  reversesMovementId: null,
  reversedByMovementId: null,
  createdBy: {
    id: Number(who.user_id),
    name: who.user_name,
    token: who.id ? { id: Number(who.id), name: who.token_name } : null,
  },
  createdAt: row.created_at.toISOString(),
  effectiveAt: row.effective_at.toISOString(),
});

/**
 * A transfer with the product's locks (item and locations shared, balances in location order)
 * and the product's writes: the balances, the ledger row, the `movement.posted` event and the
 * location roll-ups' deltas (decisions 0017 and 0023), answered as the product answers it.
 * `minimal` writes the ledger row and balances only and answers ids: the reference as it was
 * before 2026-12-05, kept as a line of its own in the bench.
 */
export async function transfer(who, body, key, minimal) {
  const { itemId, fromLocationId: from, toLocationId: to, quantity } = body;
  const ids = [from, to].sort((a, b) => a - b);
  const client = await pool.connect();
  try {
    await client.query('begin');
    const it = await client.query({
      name: 'lock-item',
      text: 'select id, sku, name, unit from items where id = $1 and archived_at is null for share',
      values: [itemId],
    });
    const locs = await client.query({
      name: 'lock-locations',
      text: `select id, code, name from locations where id = any($1) and archived_at is null
             order by id for share`,
      values: [ids],
    });
    if (it.rowCount !== 1 || locs.rowCount !== 2) throw Object.assign(new Error(), { status: 404 });
    await client.query({
      name: 'ensure-balances',
      text: `insert into stock_levels (item_id, location_id, quantity) select $1, unnest($2::bigint[]), 0
             on conflict do nothing`,
      values: [itemId, ids],
    });
    const bal = await client.query({
      name: 'lock-balances',
      text: `select location_id, quantity from stock_levels where item_id = $1 and location_id = any($2)
             order by location_id for update`,
      values: [itemId, ids],
    });
    const before = new Map(bal.rows.map((r) => [Number(r.location_id), Number(r.quantity)]));
    if (before.get(from) < quantity) throw Object.assign(new Error(), { status: 409 });
    // No lookup of the key first: the unique index catches a replay (then 409 here).
    const ledger = [
      itemId,
      from,
      to,
      quantity,
      key,
      key && requestHash(body),
      who.user_id,
      who.id ?? null,
    ];
    if (minimal) {
      const { rows } = await client.query({
        name: 'apply-transfer',
        text: `with b as (
                 update stock_levels set quantity = quantity + case when location_id = $2 then -$4::numeric else $4::numeric end,
                        updated_at = now()
                 where item_id = $1 and location_id in ($2, $3))
               insert into movements (kind, item_id, from_location_id, to_location_id, quantity, idempotency_key,
                                      request_hash, created_by, created_by_token_id)
               values ('transfer', $1, $2, $3, $4, $5, $6, $7, $8) returning id, created_at`,
        values: ledger,
      });
      await client.query('commit');
      return {
        id: Number(rows[0].id),
        kind: 'transfer',
        itemId,
        from,
        to,
        quantity: String(quantity),
      };
    }
    const after = new Map([
      [from, before.get(from) - quantity],
      [to, before.get(to) + quantity],
    ]);
    // A place gains a stock line when its balance leaves 0 and loses one when it reaches 0.
    const lines = (id) => (after.get(id) === 0 ? -1 : 0) + (before.get(id) === 0 ? 1 : 0);
    const item = it.rows[0];
    const place = new Map(locs.rows.map((l) => [Number(l.id), l]));
    const event = {
      kind: 'transfer',
      item: { id: itemId, sku: item.sku, unit: item.unit },
      fromLocation: { id: from, code: place.get(from).code },
      toLocation: { id: to, code: place.get(to).code },
      quantity: String(quantity),
      delta: null,
      countedQuantity: null,
      balancesAfter: ids.map((id) => ({ locationId: id, quantity: String(after.get(id)) })),
      reference: null,
      note: null,
      reversesMovementId: null,
      createdBy: Number(who.user_id),
      createdByTokenId: who.id ? Number(who.id) : null,
    };
    const { rows } = await client.query({
      name: 'apply-transfer-full',
      text: `with b as (
               update stock_levels set quantity = quantity + case when location_id = $2 then -$4::numeric else $4::numeric end,
                      updated_at = now()
               where item_id = $1 and location_id in ($2, $3)),
             mv as (
               insert into movements (kind, item_id, from_location_id, to_location_id, quantity, idempotency_key,
                                      request_hash, created_by, created_by_token_id)
               values ('transfer', $1, $2, $3, $4, $5, $6, $7, $8) returning id, created_at, effective_at),
             ev as (
               insert into events (type, item_id, data)
               select 'movement.posted', $1, $9::jsonb || jsonb_build_object('movementId', mv.id) from mv),
             d as (
               insert into location_stock_deltas (location_id, unit, quantity, lines)
               values ($2, $10, -($4::numeric * 1000)::bigint, $11), ($3, $10, ($4::numeric * 1000)::bigint, $12))
             select id, created_at, effective_at from mv`,
      values: [...ledger, JSON.stringify(event), item.unit, lines(from), lines(to)],
    });
    await client.query('commit');
    const at = (l) => ({ id: Number(l.id), code: l.code, name: l.name });
    return {
      id: Number(rows[0].id),
      kind: 'transfer',
      item: { id: itemId, sku: item.sku, name: item.name, unit: item.unit },
      fromLocation: at(place.get(from)),
      toLocation: at(place.get(to)),
      locationId: null,
      quantity: String(quantity),
      delta: null,
      countedQuantity: null,
      ...answered(who, rows[0]),
    };
  } catch (error) {
    await client.query('rollback');
    // A reused idempotency key: the product answers with the earlier movement or a 422.
    if (error.code === '23505') error.status = 409;
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A receipt, a shipment or an adjustment with the product's locks and writes (issue 12: every
 * movement post, not only the transfer): the item and the place FOR SHARE, the balance FOR
 * UPDATE; then the balance, the item's total, the ledger row, `movement.posted` (and
 * `stock.low` / `stock.restored` when the total crosses the reorder point) and the place's
 * roll-up delta in one statement, answered as the product answers it.
 */
export async function postAtOnePlace(who, body, key) {
  const { kind, itemId } = body;
  const place =
    kind === 'receive'
      ? body.toLocationId
      : kind === 'ship'
        ? body.fromLocationId
        : body.locationId;
  // Whole units, as the bench posts them: the sign says whether stock leaves the place.
  const change =
    kind === 'receive' ? body.quantity : kind === 'ship' ? -body.quantity : Number(body.delta);
  const [from, to] = change < 0 ? [place, null] : [null, place];
  const quantity = Math.abs(change);
  const client = await pool.connect();
  try {
    await client.query('begin');
    const it = await client.query({
      name: 'lock-item-rp',
      text: `select id, sku, name, unit, reorder_point::text as reorder_point from items
             where id = $1 and archived_at is null for share`,
      values: [itemId],
    });
    const loc = await client.query({
      name: 'lock-location',
      text: 'select id, code, name from locations where id = $1 and archived_at is null for share',
      values: [place],
    });
    if (it.rowCount !== 1 || loc.rowCount !== 1) throw Object.assign(new Error(), { status: 404 });
    await client.query({
      name: 'ensure-balance',
      text: 'insert into stock_levels (item_id, location_id, quantity) values ($1, $2, 0) on conflict do nothing',
      values: [itemId, place],
    });
    const bal = await client.query({
      name: 'lock-balance',
      text: 'select quantity from stock_levels where item_id = $1 and location_id = $2 for update',
      values: [itemId, place],
    });
    const before = Number(bal.rows[0].quantity);
    const after = before + change;
    if (after < 0) throw Object.assign(new Error(), { status: 409 });
    const item = it.rows[0];
    const at = { id: place, code: loc.rows[0].code };
    const delta = kind === 'adjust' ? String(change) : null;
    const event = {
      kind,
      item: { id: itemId, sku: item.sku, unit: item.unit },
      fromLocation: from === null ? null : at,
      toLocation: to === null ? null : at,
      quantity: String(quantity),
      delta,
      countedQuantity: null,
      balancesAfter: [{ locationId: place, quantity: String(after) }],
      reference: null,
      note: null,
      reversesMovementId: null,
      createdBy: Number(who.user_id),
      createdByTokenId: who.id ? Number(who.id) : null,
    };
    const lines = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
    const { rows } = await client.query({
      name: change < 0 ? 'apply-one-place-out' : 'apply-one-place-in',
      text: `with b as (
               update stock_levels set quantity = $13::numeric, updated_at = now()
               where item_id = $2 and location_id = $11),
             tot as (${
               // A decrease is a plain UPDATE, as in the product: an upsert would check the
               // negative row it proposes against on_hand >= 0 first.
               change < 0
                 ? 'update item_totals set on_hand = on_hand + $14::numeric where item_id = $2 returning on_hand'
                 : `insert into item_totals (item_id, on_hand) values ($2, $14::numeric)
                    on conflict (item_id) do update set on_hand = item_totals.on_hand + excluded.on_hand
                    returning on_hand`
             }),
             mv as (
               insert into movements (kind, item_id, from_location_id, to_location_id, quantity, delta,
                                      idempotency_key, request_hash, created_by, created_by_token_id)
               values ($1, $2, $3, $4, $5, $6::numeric, $7, $8, $9, $10)
               returning id, created_at, effective_at),
             ev as (
               insert into events (type, item_id, data)
               select type, $2, data from (
                 select 0 as ord, 'movement.posted' as type,
                        $12::jsonb || jsonb_build_object('movementId', mv.id) as data from mv
                 union all
                 select 1, case when t.on_hand <= $15::numeric then 'stock.low' else 'stock.restored' end,
                        jsonb_build_object('item', $16::jsonb, 'onHand', trim_scale(t.on_hand)::text,
                          'reorderPoint', trim_scale($15::numeric)::text, 'cause', 'movement', 'movementId', mv.id)
                 from tot t, mv
                 where $15::numeric is not null
                   and ((t.on_hand - $14::numeric) <= $15::numeric) <> (t.on_hand <= $15::numeric)) r
               order by ord),
             d as (
               insert into location_stock_deltas (location_id, unit, quantity, lines)
               values ($11, $17, ($14::numeric * 1000)::bigint, $18))
             select id, created_at, effective_at from mv`,
      values: [
        kind,
        itemId,
        from,
        to,
        quantity,
        delta,
        key,
        key && requestHash(body),
        who.user_id,
        who.id ?? null,
        place,
        JSON.stringify(event),
        after,
        change,
        item.reorder_point,
        JSON.stringify({ id: itemId, sku: item.sku, name: item.name, unit: item.unit }),
        item.unit,
        lines,
      ],
    });
    await client.query('commit');
    const named = { id: place, code: loc.rows[0].code, name: loc.rows[0].name };
    return {
      id: Number(rows[0].id),
      kind,
      item: { id: itemId, sku: item.sku, name: item.name, unit: item.unit },
      fromLocation: from === null ? null : named,
      toLocation: to === null ? null : named,
      locationId: kind === 'adjust' ? place : null,
      quantity: String(quantity),
      delta,
      countedQuantity: null,
      ...answered(who, rows[0]),
    };
  } catch (error) {
    await client.query('rollback');
    if (error.code === '23505') error.status = 409;
    throw error;
  } finally {
    client.release();
  }
}

const requestHash = (body) => createHash('sha256').update(JSON.stringify(body)).digest('hex');
