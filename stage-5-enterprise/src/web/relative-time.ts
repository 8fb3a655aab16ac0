/** The units "last used" is told in, largest first, with their length in seconds. */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/**
 * "2 hours ago", "yesterday", "3 weeks ago": a time as people say it, in the reader's language
 * (Intl.RelativeTimeFormat does the words). Under a minute, in seconds ("12 seconds ago").
 */
export function ago(iso: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  // Never "0 seconds ago" (nor "now", which reads oddly after "Last used"): at least one second.
  return new Intl.RelativeTimeFormat(undefined, { numeric: 'always' }).format(seconds > 0 ? Math.max(1, Math.round(seconds)) : Math.min(-1, Math.round(seconds)), 'second');
}
