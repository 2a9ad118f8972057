/** "22 Nov 2026, 10:05" in the reader's locale; keeps tables compact but unambiguous. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
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
