import { once } from 'node:events';
import { createApp } from './app';
import { createBackground } from './background';
import { APP_VERSION } from './lib/app-info';
import { loadConfig } from './lib/config';
import { createDb, createProbeDb, waitForDatabase } from './lib/db';
import { createLifecycle } from './lib/lifecycle';
import { createServerLogger } from './lib/logger';
import { keepMemoryReducerAwake } from './lib/memory-reducer';
import { runMigrations } from './lib/migrations';
import { bootstrap } from './modules/auth/auth.service';
import { startImportJobs } from './modules/imports/imports.jobs';
import { startItemJobs } from './modules/items/items.jobs';
import { startLocationJobs } from './modules/locations/locations.jobs';
import { startMailJobs } from './modules/mail/mail.jobs';
import { answerClientErrors, installGracefulShutdown } from './server';

// config → database (with retry) → migrations (under knex's lock) → listen → graceful stop.
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createServerLogger(config);
  const lifecycle = createLifecycle();
  logger.info(
    { version: APP_VERSION, commit: config.gitCommit, env: config.env },
    'starting Stockroom API',
  );

  const db = createDb(config, logger);
  try {
    await waitForDatabase(db, config, logger);
    logger.info('database reachable');
    await runMigrations(db, config.migrationsDir, logger);
    // No user yet: the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, or a logged setup token.
    await bootstrap(db, config, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'startup failed; not listening');
    await db.destroy().catch(() => undefined);
    logger.flush(() => process.exit(1));
    return;
  }

  const probeDb = createProbeDb(config, logger);
  const app = createApp({ config, db, probeDb, logger, lifecycle });
  const server = app.listen(config.port);
  await once(server, 'listening');
  answerClientErrors(server);
  // The outbox dispatcher (webhooks, internal consumers, pruning); stopped first on SIGTERM.
  const background = createBackground({ db, config, logger });
  background.start();
  // The mail outbox and the daily digest run in every replica; each is safe to run on several.
  const jobs = startMailJobs({ db, mail: config.mail, logger });
  // Folds the location roll-ups' deltas; one replica at a time (an advisory lock).
  jobs.push(...startLocationJobs({ db, logger }));
  // Folds the item counts' deltas; safe on several replicas at once.
  jobs.push(...startItemJobs({ db, logger }));
  // Import jobs (any replica claims them; a lease hands a crashed one's job to another).
  jobs.push(...startImportJobs({ db, imports: config.imports, logger }));
  // Node 24's V8 would otherwise never return the pages pooled after a burst (decision 0035).
  jobs.push(keepMemoryReducerAwake());
  // Longer than nginx's upstream keepalive so nginx, not us, closes idle connections.
  server.keepAliveTimeout = 65_000;
  installGracefulShutdown({
    server,
    db,
    probeDb,
    logger,
    lifecycle,
    background,
    timeoutMs: config.shutdownTimeoutMs,
    jobs,
  });
  logger.info(
    { port: config.port, startupMs: Math.round(process.uptime() * 1000) },
    'listening; ready to serve requests',
  );
}

main().catch((error: unknown) => {
  // Anything that escapes main (e.g. the port is taken) ends the process visibly.
  process.stderr.write(`Stockroom API failed to start: ${String(error)}\n`);
  process.exit(1);
});
