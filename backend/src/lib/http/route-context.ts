import type { Config } from '../config';
import type { Db } from '../db';
import type { Logger } from '../logger';

/** What route modules get from createApp. */
export interface RouteContext {
  config: Config;
  db: Db;
  logger: Logger;
}
