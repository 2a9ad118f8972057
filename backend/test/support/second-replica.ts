import { createApp } from '../../src/app';
import { createDb, createProbeDb, type Db } from '../../src/lib/db';
import { createLifecycle } from '../../src/lib/lifecycle';
import { createLogger } from '../../src/lib/logger';
import { apiFor, type Api, type TestApp } from './test-app';

export interface SecondReplica {
  api: Api;
  db: Db;
  close: () => Promise<void>;
}

/**
 * A second app on the test app's database, with its own pool and caches, signed in as the same
 * admin: what another API replica behind nginx would be.
 */
export function secondReplica(t: TestApp): SecondReplica {
  const logger = createLogger(t.config);
  const db = createDb(t.config, logger);
  const probeDb = createProbeDb(t.config, logger);
  const app = createApp({ config: t.config, db, probeDb, logger, lifecycle: createLifecycle() });
  return {
    api: apiFor(app, t.headers('admin')),
    db,
    close: async () => {
      await Promise.all([db.destroy(), probeDb.destroy()]);
    },
  };
}
