// One-shot `node dist/provision.js`, run by the db-provision service before the API starts,
// with the administrative role's credentials (PG*) and the API role's (APP_DB_*): creates
// or updates the API's role and hands it the application's objects. Exits 0 when done.
// The API itself never holds the administrative password.
import { loadConfig } from './lib/config';
import { createDb, waitForDatabase } from './lib/db';
import { createLogger } from './lib/logger';
import { provisionAppDatabase, provisionAppRole } from './lib/provision';

async function provision(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const role = config.appRole;
  if (!role) {
    logger.fatal('APP_DB_USER and APP_DB_PASSWORD must be set to provision the database');
    logger.flush(() => process.exit(1));
    return;
  }
  const db = createDb({ database: { ...config.database, poolMax: 1 } }, logger);
  try {
    await waitForDatabase(db, config, logger);
    await provisionAppRole(db, role);
    await provisionAppDatabase(db, role);
    logger.info({ appRole: role.user }, 'database roles provisioned');
    await db.destroy();
    logger.flush(() => process.exit(0));
  } catch (error) {
    logger.fatal({ err: error }, 'provisioning the database roles failed');
    await db.destroy().catch(() => undefined);
    logger.flush(() => process.exit(1));
  }
}

void provision();
