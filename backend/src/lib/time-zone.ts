import { z } from 'zod';

/**
 * The canonical IANA name of ZONE ("europe/berlin" → "Europe/Berlin"), or null when this
 * runtime's Intl does not know it. Intl is the judge because the front end formats with it.
 */
export function canonicalTimeZone(zone: string): string | null {
  // The stack's default (TZ=UTC): answered without Intl, whose first time-zone lookup maps
  // ~4 MB of ICU's data into every idle API process (issue 12). Intl says the same.
  if (zone === 'UTC') return zone;
  if (zone.length === 0 || zone.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const ZONE_RULE = 'must be an IANA time zone such as Europe/Berlin or UTC';

/** An IANA time zone such as Europe/Berlin or UTC, stored in its canonical spelling. */
export const timeZone = z
  .string()
  .max(64, { error: ZONE_RULE })
  .refine((zone) => canonicalTimeZone(zone.trim()) !== null, { error: ZONE_RULE })
  .transform((zone) => canonicalTimeZone(zone.trim()) ?? zone)
  .meta({ example: 'Europe/Berlin' });
