// The 2026-11-30 migrations on a database that already holds data: ledger rows keep their
// keys (now per caller) and tokens of users deactivated earlier are disabled.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MIGRATIONS_DIR } from '../src/lib/config';
import { createDb, type Db } from '../src/lib/db';
import { pgCode, pgConstraint } from '../src/lib/db-errors';
import { createLogger } from '../src/lib/logger';
import { testConfig } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const FIRST_NEW = '20261130130000';
const migrator = (directory: string) => ({ directory, loadExtensions: ['.js'] });

describe('migrating a database that already has movements and tokens', () => {
  let database: TestDatabase;
  let db: Db;
  let oldDir: string;
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    db = createDb(testConfig({ DATABASE_URL: database.url }), createLogger({ logLevel: 'silent' }));
    // The schema as it was before these migrations: every file older than the first new one.
    oldDir = await mkdtemp(join(tmpdir(), 'stockroom-old-migrations-'));
    for (const file of await readdir(DEFAULT_MIGRATIONS_DIR))
      if (file < FIRST_NEW) await cp(join(DEFAULT_MIGRATIONS_DIR, file), join(oldDir, file));
    await db.migrate.latest(migrator(oldDir));
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
    await rm(oldDir, { recursive: true, force: true });
  });

  const userRow = (email: string, active: boolean) => ({
    email,
    name: email,
    role: 'admin',
    active,
    password_hash: 'x',
  });
  const one = async (q: Promise<{ id: string }[]>) => Number((await q)[0]!.id);

  test('when migrated, then old keys are per caller and a deactivated user’s token is disabled', async () => {
    const [ann, bob, gone] = [
      await one(db('users').insert(userRow('ann@example.test', true)).returning('id')),
      await one(db('users').insert(userRow('bob@example.test', true)).returning('id')),
      await one(db('users').insert(userRow('gone@example.test', false)).returning('id')),
    ];
    const token = (createdBy: number, name: string) =>
      one(
        db('api_tokens')
          .insert({ name, scope: 'write', token_hash: name.padEnd(64, '0'), created_by: createdBy })
          .returning('id'),
      );
    const [annToken, goneToken] = [await token(ann, 'a'), await token(gone, 'b')];
    const item = await one(db('items').insert({ sku: 'MIG-1', name: 'Migrated' }).returning('id'));
    const loc = await one(
      db('locations').insert({ code: 'MIG', name: 'Migrated' }).returning('id'),
    );
    const movement = (createdBy: number, key: string) => ({
      kind: 'receive',
      item_id: item,
      to_location_id: loc,
      quantity: 1,
      idempotency_key: key,
      request_hash: 'h',
      created_by: createdBy,
    });
    await db('movements').insert(movement(ann, 'old-key'));

    await db.migrate.latest(migrator(DEFAULT_MIGRATIONS_DIR));

    // Bob may now use Ann's old key; Ann may not use it twice (the race still meets the index).
    await db('movements').insert(movement(bob, 'old-key'));
    const again = await db('movements')
      .insert(movement(ann, 'old-key'))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(pgCode(again)).toBe('23505');
    expect(pgConstraint(again)).toBe('movements_idempotency_key_per_caller');

    const tokens = await db('api_tokens').select('id', 'disabled_at').orderBy('id');
    expect(tokens).toEqual([
      { id: String(annToken), disabled_at: null },
      { id: String(goneToken), disabled_at: expect.any(Date) },
    ]);
  });
});
