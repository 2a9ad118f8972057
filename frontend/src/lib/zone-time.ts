// Calendar days and wall-clock times in the team's time zone, as instants for the API's
// filters and the as-of picker. Apart from format-date.ts (which the app shell loads for every
// page) so only the pages with such inputs load them (the first-load budget, decision 0019).

const parts = new Map<string, Intl.DateTimeFormat>();

/** How far TIMEZONE's wall clock is ahead of UTC at INSTANT, in ms (Berlin in winter: 1 h). */
function zoneOffset(instant: number, timeZone: string): number {
  let format = parts.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    parts.set(timeZone, format);
  }
  const part = (type: string) =>
    Number(format.formatToParts(instant).find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant midnight starts calendar day DATE (YYYY-MM-DD) + DAYS in TIMEZONE. */
function midnight(date: string, timeZone: string, days: number): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  // Refuse 2026-02-31 rather than roll it over to March.
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day) return undefined;
  const wall = Date.UTC(year, month, day + days);
  // Twice: the offset at the first guess can differ from the answer's across a DST change.
  const guess = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(guess, timeZone)).toISOString();
}

/** Start of a calendar day (YYYY-MM-DD) in TIMEZONE as an ISO instant, for `from` filters. */
export function startOfDayIso(date: string, timeZone: string): string | undefined {
  return midnight(date, timeZone, 0);
}

/**
 * The instant a calendar day ends in TIMEZONE, i.e. the next day's midnight, for `to`
 * filters: the API's `to` is exclusive ("created before"), so the chosen day is included.
 */
export function endOfDayIso(date: string, timeZone: string): string | undefined {
  return midnight(date, timeZone, 1);
}

/**
 * The instant a wall-clock time (YYYY-MM-DDTHH:MM, a datetime-local input's value) names in
 * TIMEZONE, as an ISO string; undefined when it is not one (or not a real date).
 */
export function wallTimeIso(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[2]), Number(match[3])];
  if (hours > 23 || minutes > 59) return undefined;
  const day = midnight(match[1]!, timeZone, 0);
  if (!day) return undefined;
  // Wall time on that day, corrected for the zone's offset at that instant (DST).
  const wall = Date.parse(`${match[1]}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  const guess = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(guess, timeZone)).toISOString();
}

/** ISO instant → the YYYY-MM-DDTHH:MM wall-clock time in TIMEZONE, for a datetime-local input. */
export function isoToWallTime(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  const local = new Date(instant + zoneOffset(instant, timeZone));
  return local.toISOString().slice(0, 16);
}
