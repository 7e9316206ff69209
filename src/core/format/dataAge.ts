// Says how old loaded data is, for "showing issues loaded 12 minutes ago" in the status bar and the tree.

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

function unit(count: number, name: string): string {
  return `${count} ${name}${count === 1 ? '' : 's'} ago`;
}

/** Past this, "545 days ago" says less than the date itself. */
const relativeLimit = 30 * day;

/** `just now`, `5 minutes ago`, `3 hours ago`, `2 days ago`, `on 2024-05-30`; undefined for a time that does not parse. */
export function describeAge(isoTime: string, now: Date): string | undefined {
  const then = Date.parse(isoTime);
  if (Number.isNaN(then)) return undefined;
  const elapsed = Math.max(0, now.getTime() - then);
  if (elapsed < minute) return 'just now';
  if (elapsed < hour) return unit(Math.floor(elapsed / minute), 'minute');
  if (elapsed < day) return unit(Math.floor(elapsed / hour), 'hour');
  if (elapsed < relativeLimit) return unit(Math.floor(elapsed / day), 'day');
  return `on ${new Date(then).toISOString().slice(0, 10)}`;
}
