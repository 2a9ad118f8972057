import type { DbOrTrx } from '../../lib/db';
import { preparedSql } from '../../lib/prepared';

// Settings live as `setting.<name>` rows of app_settings; other keys belong to other modules.
// Keys are stored snake_case (the table's key format): defaultUnit → setting.default_unit.
const PREFIX = 'setting.';
const toKey = (name: string) => PREFIX + name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const toName = (key: string) =>
  key.slice(PREFIX.length).replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

// Written out and prepared: every request from a browser reads the settings (the session's
// idle timeout), and built with knex and sent unnamed it was parsed and planned each time.
const READ_ALL = `select key, value from app_settings where key like '${PREFIX}%'`;

export async function readAll(db: DbOrTrx): Promise<Record<string, unknown>> {
  const rows = await preparedSql<{ key: string; value: unknown }>(db, READ_ALL, []);
  return Object.fromEntries(rows.map((r) => [toName(r.key), r.value]));
}

export async function write(db: DbOrTrx, values: Record<string, unknown>): Promise<void> {
  const rows = Object.entries(values).map(([key, value]) => ({
    key: toKey(key),
    value: JSON.stringify(value),
    updated_at: db.fn.now(),
  }));
  if (rows.length === 0) return;
  await db('app_settings').insert(rows).onConflict('key').merge(['value', 'updated_at']);
}

/** Serialises concurrent writers so each audit entry's "before" is what it replaced. */
export async function lockForWrite(db: DbOrTrx): Promise<void> {
  await db.raw("select pg_advisory_xact_lock(hashtext('stockroom.settings'))");
}
