// How long ago an ISO time was, in words for hovers: `just now`, `5 minutes ago`, `3 days ago`. The clock is passed in
// so the text is deterministic in tests.

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

function ago(count: number, unit: string): string {
  return `${String(count)} ${unit}${count === 1 ? '' : 's'} ago`;
}

/** Undefined when the time is missing or not a date. Times a little in the future (clock skew) read `just now`. */
export function timeAgo(iso: string | undefined, now: number): string | undefined {
  if (!iso) return undefined;
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return undefined;
  const elapsed = now - then;
  if (elapsed < minute) return 'just now';
  if (elapsed < hour) return ago(Math.floor(elapsed / minute), 'minute');
  if (elapsed < day) return ago(Math.floor(elapsed / hour), 'hour');
  if (elapsed < 30 * day) return ago(Math.floor(elapsed / day), 'day');
  if (elapsed < 365 * day) return ago(Math.floor(elapsed / (30 * day)), 'month');
  return ago(Math.floor(elapsed / (365 * day)), 'year');
}
