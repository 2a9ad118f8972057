import { setMaxListeners } from 'node:events';
import type { Config } from './lib/config';
import type { Db } from './lib/db';
import type { Logger } from './lib/logger';
import { consumersBehind, runInternalConsumers } from './modules/events/consumers';
import * as events from './modules/events/events.service';
import type { WebhookDisabledHook } from './modules/events/events.service';
import { notifyLowStock, notifyWebhookDisabled } from './modules/alerts/alerts.service';
import { lowStockAlerts } from './modules/events/internal-consumers';
import { deliverDue, fanOut, pendingWork } from './modules/webhooks/dispatcher';
import { pruneTestDeliveries } from './modules/webhooks/webhooks.service';

export interface Background {
  start(): void;
  /** Stops polling and waits for the round in flight (its deliveries finish or time out). */
  stop(): Promise<void>;
  /**
   * One full round now (tests, drills): fan-out, internal consumers, due deliveries. Returns
   * the work done (events fanned out or read by a consumer, deliveries sent): 0 when idle.
   */
  runOnce(): Promise<number>;
  /** Prunes now what is past retention (the round does it every EVENTS_PRUNE_INTERVAL_MS). */
  prune(): Promise<void>;
}

/**
 * The outbox's dispatcher, inside the API process: every replica runs one, and the database
 * (SKIP LOCKED claims, leases) keeps them from doing the same work twice.
 */
export function createBackground(deps: {
  db: Db;
  config: Pick<Config, 'webhooks' | 'events' | 'mail'>;
  logger: Logger;
}): Background {
  const { db, config, logger } = deps;
  const shutdown = new AbortController();
  // One signal for every request in flight (up to a claim batch), not a leak.
  setMaxListeners(0, shutdown.signal);
  const log = logger.child({ component: 'dispatcher' });
  const roundDeps = {
    ...deps,
    signal: shutdown.signal,
    // The admins' email, queued in the disabling transaction.
    onWebhookDisabled: ((ctx, webhook) =>
      notifyWebhookDisabled(ctx.db, config.mail, ctx.logger, webhook)) as WebhookDisabledHook,
  };
  const internalConsumers = [
    lowStockAlerts((lowStock) => notifyLowStock(db, config.mail, log, lowStock)),
  ];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopping = false;
  let lastPrune = 0;

  // Events past retention (their webhook deliveries and notification reads go with them on
  // delete cascade), and test deliveries, which have no event. Batched, never pending work.
  const prune = async () => {
    const { retentionDays } = config.events;
    const pruned = await events.pruneEvents(db, retentionDays);
    const tests = await pruneTestDeliveries(db, retentionDays);
    if (pruned + tests > 0)
      log.info({ pruned, testDeliveries: tests, retentionDays }, 'old events pruned');
  };

  const runOnce = async () => {
    // Two reads first, so that an idle round takes no row lock: locking a cursor or an
    // endpoint gives the round a transaction id and a WAL record, once a second per replica.
    const work = await pendingWork(db);
    const fanned = work.fanOut ? await fanOut(roundDeps) : 0;
    // Counted as work: a consumer more than a batch behind goes on at once, not a poll later.
    const consumed = (await consumersBehind(db, internalConsumers))
      ? await runInternalConsumers(db, log, internalConsumers)
      : 0;
    // What the fan-out just queued is sent in the same round, as before.
    const sent = work.due || fanned > 0 ? await deliverDue(roundDeps) : 0;
    if (Date.now() - lastPrune >= config.events.pruneIntervalMs) {
      lastPrune = Date.now();
      await prune();
    }
    return fanned + consumed + sent;
  };

  const tick = () => {
    running = runOnce()
      .then((worked) => schedule(worked > 0 ? 0 : config.webhooks.pollMs))
      .catch((error: unknown) => {
        // The database may be away for a while: keep polling, the work is all in the database.
        log.warn({ err: error }, 'dispatcher round failed; retrying');
        schedule(config.webhooks.pollMs);
      });
  };
  const schedule = (ms: number) => {
    if (stopping) return;
    timer = setTimeout(tick, ms);
    // Never what keeps a process (or a test run) alive.
    timer.unref();
  };

  return {
    start: () => schedule(0),
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      shutdown.abort();
      await running;
    },
    runOnce,
    prune,
  };
}
