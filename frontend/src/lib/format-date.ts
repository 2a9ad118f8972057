// One format everywhere: day, month name, year and a 24-hour clock ("22 Nov 2026, 10:05"),
// the same in every browser (a fixed en-GB pattern, not each reader's locale), so two people
// reading the same row see the same text. Settings has no team time zone, so times are in the
// browser's zone; TIME_ZONE names it for pages that say so.

/** The zone times are shown in (the browser's; there is no team setting yet). */
export const TIME_ZONE = new Intl.DateTimeFormat().resolvedOptions().timeZone;

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withDate}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      ...(withDate ? { day: 'numeric', month: 'short', year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** "22 Nov 2026, 10:05"; compact for tables but unambiguous. */
export function formatDateTime(iso: string | number, timeZone = TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return dateTimeFormat(timeZone, true).format(date);
}

/** "10:05", for "checked at" times on the same day. */
export function formatTime(iso: string | number, timeZone = TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return dateTimeFormat(timeZone, false).format(date);
}

/** Start of a local calendar day (YYYY-MM-DD) as an ISO instant, for `from` filters. */
export function startOfDayIso(date: string): string | undefined {
  const parsed = new Date(`${date}T00:00:00`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

/**
 * The instant a local calendar day ends, i.e. the next day's midnight, for `to` filters:
 * the API's `to` is exclusive ("created before"), so the chosen day is included in full.
 */
export function endOfDayIso(date: string): string | undefined {
  const parsed = new Date(`${date}T00:00:00`);
  if (Number.isNaN(parsed.getTime())) return undefined;
  parsed.setDate(parsed.getDate() + 1);
  return parsed.toISOString();
}
