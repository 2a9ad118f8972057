import { z } from 'zod';
import { text } from '../../lib/http/common-schemas';
import { timeZone } from '../../lib/time-zone';
import { unit } from '../../lib/units';

// One schema per setting: validated on write, and on read (a stored value that no longer
// fits, e.g. after a downgrade, falls back to the default instead of breaking requests).
export const SETTING_SCHEMAS = {
  organisationName: text(100),
  defaultUnit: unit,
  highlightLowStock: z.boolean(),
  sessionIdleTimeoutMinutes: z.number().int().min(5).max(10080),
  timeZone,
  // Webhooks to loopback, private, link-local and ULA addresses (SSRF guard, 0017).
  allowPrivateWebhookTargets: z.boolean(),
};

export const DEFAULT_SETTINGS: Settings = {
  organisationName: 'Stockroom',
  defaultUnit: 'each',
  highlightLowStock: true,
  sessionIdleTimeoutMinutes: 480,
  // Replaced by the configured default (TZ) in settings.service.
  timeZone: 'UTC',
  allowPrivateWebhookTargets: false,
};

export const settingsSchema = z
  .object({
    organisationName: z.string(),
    defaultUnit: unit,
    highlightLowStock: z.boolean(),
    sessionIdleTimeoutMinutes: z.number().int(),
    timeZone: z.string().meta({
      description: 'IANA time zone the app shows times in (default: the server’s TZ, else UTC)',
      example: 'Europe/Berlin',
    }),
    allowPrivateWebhookTargets: z.boolean(),
  })
  .meta({ id: 'Settings' });

export const updateSettingsBody = z
  .strictObject({
    organisationName: SETTING_SCHEMAS.organisationName.optional(),
    defaultUnit: SETTING_SCHEMAS.defaultUnit.optional(),
    highlightLowStock: SETTING_SCHEMAS.highlightLowStock.optional(),
    sessionIdleTimeoutMinutes: SETTING_SCHEMAS.sessionIdleTimeoutMinutes.optional(),
    timeZone: SETTING_SCHEMAS.timeZone.optional(),
    allowPrivateWebhookTargets: SETTING_SCHEMAS.allowPrivateWebhookTargets.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'send at least one setting to change' });

export type Settings = z.infer<typeof settingsSchema>;
export type UpdateSettings = z.output<typeof updateSettingsBody>;
export type SettingKey = keyof Settings;
