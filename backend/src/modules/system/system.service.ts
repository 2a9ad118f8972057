import type { Db } from '../../lib/db';
import { APP_NAME, APP_VERSION } from '../../lib/app-info';
import type { Lifecycle } from '../../lib/lifecycle';
import type { Readiness, SystemInfo } from './system.schemas';
import * as repo from './system.repository';

export interface SystemDeps {
  db: Db;
  migrationsDir: string;
  lifecycle: Lifecycle;
  gitCommit: string | null;
}

const READY_PROBE_TIMEOUT_MS = 2000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Readiness: can this process serve requests right now? Never throws. */
export async function readiness(deps: SystemDeps): Promise<Readiness> {
  const checks: Readiness['checks'] = {
    server: deps.lifecycle.draining
      ? { status: 'error', error: 'shutting down' }
      : { status: 'ok' },
    database: { status: 'ok' },
    migrations: { status: 'unknown' },
  };
  try {
    await repo.ping(deps.db, READY_PROBE_TIMEOUT_MS);
    const schema = await repo.schemaStatus(deps.db, deps.migrationsDir);
    checks.migrations =
      schema.pending.length === 0 && schema.unknown.length === 0
        ? { status: 'ok', current: schema.current, pending: 0 }
        : {
            status: 'error',
            current: schema.current,
            pending: schema.pending.length,
            error: schema.unknown.length
              ? `database has migrations this version does not know: ${schema.unknown.join(', ')}`
              : `${schema.pending.length} migration(s) not applied`,
          };
  } catch (error) {
    checks.database = { status: 'error', error: message(error) };
  }
  const ready = Object.values(checks).every((c) => c.status === 'ok');
  return { status: ready ? 'ready' : 'not_ready', checks };
}

export async function info(deps: SystemDeps): Promise<SystemInfo> {
  const schema = await repo.schemaStatus(deps.db, deps.migrationsDir);
  return {
    name: APP_NAME,
    version: APP_VERSION,
    commit: deps.gitCommit,
    schemaVersion: schema.current,
    uptimeSeconds: Math.floor(process.uptime()),
    nodeVersion: process.version,
    startedAt: deps.lifecycle.startedAt.toISOString(),
  };
}
