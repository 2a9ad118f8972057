import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { formatDbDecimal } from '../../lib/quantity';
import { iso, isoNotNull } from '../../lib/sql';
import type { CountSession } from './counts.schemas';

export const referenceOf = (id: number) => `count:${id}`;

interface SessionRow {
  id: string;
  status: CountSession['status'];
  blind: boolean;
  location: { id: number; code: string; name: string } | null;
  item_ids: string[] | null;
  note: string | null;
  threshold_quantity: string | null;
  threshold_percent: string | null;
  created_by: { id: number; name: string } | null;
  created_at: Date;
  closed_by: { id: number; name: string } | null;
  closed_at: Date | null;
}

const toSession = (r: SessionRow): CountSession => ({
  id: Number(r.id),
  status: r.status,
  blind: r.blind,
  location: r.location,
  itemIds: r.item_ids && r.item_ids.map(Number),
  note: r.note,
  thresholdQuantity: formatDbDecimal(r.threshold_quantity),
  thresholdPercent: r.threshold_percent === null ? null : String(Number(r.threshold_percent)),
  reference: referenceOf(Number(r.id)),
  createdBy: r.created_by,
  createdAt: isoNotNull(r.created_at),
  closedBy: r.closed_by,
  closedAt: iso(r.closed_at),
});

const userRef = (column: string) =>
  `(select json_build_object('id', u.id, 'name', u.name) from users u where u.id = ${column})`;

const SELECT_SESSION = `
  select s.id, s.status, s.blind, s.note, s.threshold_quantity::text as threshold_quantity,
    s.threshold_percent::text as threshold_percent, s.created_at, s.closed_at,
    (select json_build_object('id', l.id, 'code', l.code, 'name', l.name)
       from locations l where l.id = s.location_id) as location,
    case when s.location_id is null then
      (select array_agg(ci.item_id::text order by ci.item_id) from count_session_items ci
        where ci.session_id = s.id) end as item_ids,
    ${userRef('s.created_by')} as created_by, ${userRef('s.closed_by')} as closed_by
  from count_sessions s`;

export async function findSession(db: DbOrTrx, id: number): Promise<CountSession | undefined> {
  const { rows } = await db.raw<{ rows: SessionRow[] }>(`${SELECT_SESSION} where s.id = ?`, [id]);
  return rows[0] && toSession(rows[0]);
}

export async function listSessions(db: DbOrTrx, status?: string): Promise<CountSession[]> {
  const { rows } = await db.raw<{ rows: SessionRow[] }>(
    `${SELECT_SESSION} where (?::text is null or s.status = ?) order by s.id desc limit 200`,
    [status ?? null, status ?? null],
  );
  return rows.map(toSession);
}

export async function insertSession(
  trx: Knex.Transaction,
  s: {
    blind: boolean;
    locationId: number | null;
    itemIds: number[] | null;
    note: string | null;
    thresholdQuantity: string | null;
    thresholdPercent: number | null;
    createdBy: number | null;
  },
): Promise<number> {
  const [row] = (await trx('count_sessions')
    .insert({
      blind: s.blind,
      location_id: s.locationId,
      note: s.note,
      threshold_quantity: s.thresholdQuantity,
      threshold_percent: s.thresholdPercent,
      created_by: s.createdBy,
    })
    .returning('id')) as { id: string }[];
  const id = Number(row!.id);
  if (s.itemIds)
    await trx('count_session_items').insert(
      [...new Set(s.itemIds)].map((itemId) => ({ session_id: id, item_id: itemId })),
    );
  return id;
}

export interface LockedSession {
  id: number;
  status: CountSession['status'];
  locationId: number | null;
  createdAt: Date;
}

/** FOR SHARE while counting (lines may be added at once), FOR UPDATE to approve or cancel. */
export async function lockSession(
  trx: Knex.Transaction,
  id: number,
  mode: 'share' | 'update',
): Promise<LockedSession | undefined> {
  const q = trx('count_sessions').select('id', 'status', 'location_id', 'created_at').where({ id });
  const row = (await (mode === 'share' ? q.forShare() : q.forUpdate()).first()) as
    | { id: string; status: CountSession['status']; location_id: string | null; created_at: Date }
    | undefined;
  return (
    row && {
      id: Number(row.id),
      status: row.status,
      locationId: row.location_id === null ? null : Number(row.location_id),
      createdAt: row.created_at,
    }
  );
}

export async function closeSession(
  trx: Knex.Transaction,
  id: number,
  status: 'approved' | 'cancelled',
  userId: number | null,
): Promise<void> {
  await trx('count_sessions')
    .where({ id })
    .update({ status, closed_by: userId, closed_at: trx.fn.now() });
}
