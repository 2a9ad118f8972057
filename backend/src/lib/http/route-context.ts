import type { Config } from '../config';
import type { Db } from '../db';
import type { Logger } from '../logger';

/** What route modules get from createApp. */
export interface RouteContext {
  config: Config;
  db: Db;
  logger: Logger;
  /** The team time zone until an admin sets one (config: TZ, else UTC). */
  defaultTimeZone: string;
  /** PUBLIC_URL: where people open Stockroom (QR codes on labels link there); null to use the request's origin. */
  publicUrl?: string | null;
  /** Email: SMTP from the environment (if any), links' base URL, digest hour. */
  mail: Config['mail'];
}
