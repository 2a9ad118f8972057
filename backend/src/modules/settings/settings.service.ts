import type { Db, DbOrTrx } from '../../lib/db';
import type { Actor } from '../../lib/http/identity';
import { transaction } from '../../lib/transaction';
import * as audit from '../audit/audit.service';
import * as repo from './settings.repository';
import {
  DEFAULT_SETTINGS,
  SETTING_SCHEMAS,
  type SettingKey,
  type Settings,
  type UpdateSettings,
} from './settings.schemas';

/** Defaults that come from the configuration rather than from code. */
export type SettingDefaults = Partial<Pick<Settings, 'timeZone'>>;

/**
 * The current settings, read fresh every time: a change applies to the very next request.
 * DEFAULTS fill what no admin has set (the team time zone comes from TZ).
 */
export async function getSettings(db: DbOrTrx, defaults: SettingDefaults = {}): Promise<Settings> {
  const stored = await repo.readAll(db);
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS, ...defaults };
  for (const key of Object.keys(SETTING_SCHEMAS) as SettingKey[]) {
    const parsed = SETTING_SCHEMAS[key].safeParse(stored[key]);
    if (key in stored && parsed.success) settings[key] = parsed.data;
  }
  return settings as Settings;
}

export function updateSettings(
  db: Db,
  input: UpdateSettings,
  actor: Actor,
  defaults: SettingDefaults = {},
): Promise<Settings> {
  return transaction(db, async (trx) => {
    await repo.lockForWrite(trx);
    const before = await getSettings(trx, defaults);
    await repo.write(trx, input);
    const after = await getSettings(trx, defaults);
    const changed = (Object.keys(input) as SettingKey[]).filter((k) => before[k] !== after[k]);
    if (changed.length > 0)
      await audit.record(trx, actor, {
        action: 'settings.updated',
        entityType: 'settings',
        entityId: null,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
    return after;
  });
}
