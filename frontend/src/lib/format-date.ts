// One format everywhere: day, month name, year and a 24-hour clock ("22 Nov 2026, 10:05"),
// the same in every browser (a fixed en-GB pattern, not each reader's locale), in the team's
// time zone (Settings → Time zone; useTimeZone in hooks/use-settings.ts), so two people
// reading the same row, in different places, see the same text. Every function takes the
// zone: no date is ever shown in the browser's own zone by accident.

const formats = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

function dateTimeFormat(timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  return cached(`${timeZone}|${withDate}`, () => {
    return new Intl.DateTimeFormat('en-GB', {
      ...(withDate ? { day: 'numeric', month: 'short', year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
  });
}

/** "22 Nov 2026, 10:05" in TIMEZONE; compact for tables but unambiguous. */
export function formatDateTime(iso: string | number, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return dateTimeFormat(timeZone, true).format(date);
}

/** "10:05" in TIMEZONE, for "checked at" times on the same day. */
export function formatTime(iso: string | number, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return dateTimeFormat(timeZone, false).format(date);
}
