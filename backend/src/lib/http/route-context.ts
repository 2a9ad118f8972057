import type { Config } from '../config';
import type { Db } from '../db';
import type { Logger } from '../logger';

/** What route modules get from createApp. */
export interface RouteContext {
  db: Db;
  logger: Logger;
  /** Email: SMTP from the environment (if any), links' base URL, digest hour. */
  mail: Config['mail'];
}
