const UNITS = [
  { name: 'day', seconds: 86_400 },
  { name: 'hour', seconds: 3_600 },
  { name: 'minute', seconds: 60 },
  { name: 'second', seconds: 1 },
] as const;

function plural(count: number, name: string): string {
  return `${count} ${name}${count === 1 ? '' : 's'}`;
}

/**
 * "3 days, 4 hours" style: the largest unit plus the next one down is all a person needs
 * to judge an uptime; seconds stop mattering once it is over an hour.
 */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const index = UNITS.findIndex((unit) => seconds >= unit.seconds);
  const major = UNITS[index];
  if (!major) return '0 seconds';

  const majorCount = Math.floor(seconds / major.seconds);
  const minor = UNITS[index + 1];
  const minorCount = minor ? Math.floor((seconds % major.seconds) / minor.seconds) : 0;
  const parts = [plural(majorCount, major.name)];
  if (minor && minorCount > 0) parts.push(plural(minorCount, minor.name));
  return parts.join(', ');
}
