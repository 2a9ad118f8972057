import type { DbOrTrx } from '../../lib/db';

// The setup token's hash lives in app_settings, so every replica accepts the token that was
// logged last, and a restart issues a new one.
const SETUP_TOKEN_KEY = 'auth.setup_token_hash';

export async function storeSetupTokenHash(db: DbOrTrx, hash: string): Promise<void> {
  await db('app_settings')
    .insert({ key: SETUP_TOKEN_KEY, value: JSON.stringify(hash), updated_at: db.fn.now() })
    .onConflict('key')
    .merge(['value', 'updated_at']);
}

export async function setupTokenHash(db: DbOrTrx): Promise<string | undefined> {
  const row = (await db('app_settings').select('value').where({ key: SETUP_TOKEN_KEY }).first()) as
    { value: unknown } | undefined;
  return typeof row?.value === 'string' ? row.value : undefined;
}

export async function deleteSetupToken(db: DbOrTrx): Promise<void> {
  await db('app_settings').where({ key: SETUP_TOKEN_KEY }).delete();
}
