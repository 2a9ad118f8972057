import { withTimeout, type Db } from '../../lib/db';
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

/** Readiness also has its own small pool (createProbeDb): never waits behind the application's. */
export interface ReadinessDeps extends SystemDeps {
  probeDb: Db;
}

// The whole database part of readiness, well inside the container health check's 6 s.
const READY_PROBE_TIMEOUT_MS = 3000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

type DatabaseChecks = Pick<Readiness['checks'], 'database' | 'migrations'>;

// Probes that arrive while one is running share its answer: however many pollers there are,
// readiness costs the database one probe at a time.
const running = new WeakMap<Db, Promise<DatabaseChecks>>();

function databaseChecks(deps: ReadinessDeps): Promise<DatabaseChecks> {
  let probe = running.get(deps.probeDb);
  if (!probe) {
    probe = probeDatabase(deps).finally(() => running.delete(deps.probeDb));
    running.set(deps.probeDb, probe);
  }
  return probe;
}

async function probeDatabase(deps: ReadinessDeps): Promise<DatabaseChecks> {
  try {
    // One query answers both: the database responds, and which migrations it holds.
    const schema = await withTimeout(
      repo.schemaStatus(deps.probeDb, deps.migrationsDir),
      READY_PROBE_TIMEOUT_MS,
    );
    const migrations: DatabaseChecks['migrations'] =
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
    return { database: { status: 'ok' }, migrations };
  } catch (error) {
    return {
      database: { status: 'error', error: message(error) },
      migrations: { status: 'unknown' },
    };
  }
}

/** Readiness: can this process serve requests right now? Never throws. */
export async function readiness(deps: ReadinessDeps): Promise<Readiness> {
  const checks: Readiness['checks'] = {
    server: deps.lifecycle.draining
      ? { status: 'error', error: 'shutting down' }
      : { status: 'ok' },
    ...(await databaseChecks(deps)),
  };
  const ready = Object.values(checks).every((c) => c.status === 'ok');
  return { status: ready ? 'ready' : 'not_ready', checks };
}

export async function info(deps: SystemDeps): Promise<SystemInfo> {
  const schema = await repo.schemaStatus(deps.db, deps.migrationsDir);
  // One call for both (a few microseconds); after the query, so it is as fresh as the answer.
  const memory = process.memoryUsage();
  return {
    name: APP_NAME,
    version: APP_VERSION,
    commit: deps.gitCommit,
    schemaVersion: schema.current,
    uptimeSeconds: Math.floor(process.uptime()),
    nodeVersion: process.version,
    startedAt: deps.lifecycle.startedAt.toISOString(),
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
  };
}
