// `npm run dev`: a local PostgreSQL (unless DATABASE_URL is set) and the API with reload.
import { spawn } from 'node:child_process';
import path from 'node:path';
import knex from 'knex';
import { devDataDir } from './dev-data-dir';
import { startLocalPostgres, type LocalPostgres } from './local-postgres';
import { LocalPostgresError } from './local-postgres-error';

const DEV_PORT = 54329;
const DEV_DATABASE = 'stockroom';

async function ensureDatabase(pg: LocalPostgres): Promise<void> {
  const admin = knex({ client: 'pg', connection: pg.url('postgres'), pool: { min: 0, max: 1 } });
  try {
    const { rows } = await admin.raw<{ rows: unknown[] }>(
      'select 1 from pg_database where datname = ?',
      [DEV_DATABASE],
    );
    if (rows.length === 0) await admin.raw('create database ??', [DEV_DATABASE]);
  } finally {
    await admin.destroy();
  }
}

async function main(): Promise<void> {
  const env = { ...process.env };
  let pg: LocalPostgres | undefined;
  if (!env.DATABASE_URL) {
    const { dir, note } = await devDataDir();
    pg = await startLocalPostgres({ dataDir: dir, port: DEV_PORT });
    await ensureDatabase(pg);
    env.DATABASE_URL = pg.url(DEV_DATABASE);
    console.log(
      `[dev] local PostgreSQL on port ${DEV_PORT}, data in ${dir}${note ? ` (${note})` : ''}`,
    );
  }
  env.LOG_LEVEL ??= 'debug';
  const api = spawn('tsx', ['watch', '--clear-screen=false', 'src/main.ts'], {
    env,
    stdio: 'inherit',
    cwd: path.resolve(__dirname, '..'),
  });
  const stop = async () => {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    await pg?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  // A reason the local PostgreSQL cannot start is one sentence for a person, not a trace.
  if (!(error instanceof LocalPostgresError)) throw error;
  console.error(`[dev] ${error.message}`);
  process.exit(1);
});
