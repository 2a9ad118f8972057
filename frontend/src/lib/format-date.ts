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

/** End of a local calendar day, so a `to` date includes everything that happened on it. */
export function endOfDayIso(date: string): string | undefined {
  const parsed = new Date(`${date}T23:59:59.999`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}
