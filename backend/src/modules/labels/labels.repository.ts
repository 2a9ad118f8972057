import type { DbOrTrx } from '../../lib/db';

export async function findLayout(db: DbOrTrx, userId: number): Promise<unknown> {
  const row = (await db('label_preferences').where({ user_id: userId }).first('layout')) as
    { layout: unknown } | undefined;
  return row?.layout;
}

export async function saveLayout(db: DbOrTrx, userId: number, layout: object): Promise<void> {
  await db('label_preferences')
    .insert({ user_id: userId, layout: JSON.stringify(layout), updated_at: db.fn.now() })
    .onConflict('user_id')
    .merge();
}
