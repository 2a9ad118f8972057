import type { Db } from '../db';
import type { Logger } from '../logger';

/** What route modules get from createApp. */
export interface RouteContext {
  db: Db;
  logger: Logger;
  /** PUBLIC_URL: where people open Stockroom (QR codes on labels link there); null to use the request's origin. */
  publicUrl?: string | null;
}
