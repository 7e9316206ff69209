// Events of an issue in the last hour, from the 24 hourly buckets Sentry sends with each issue (`stats['24h']`).
// The newest bucket is the current, unfinished hour; counting only it would miss a storm that began at 9:50 when it
// is 10:05, so the bucket before it counts for the part of it that lies within the last hour.

const hourMs = 3_600_000;

/** `[unixSeconds, count]` pairs, oldest first, as the issue list's `stats` carries them. */
export type HourlyBuckets = ReadonlyArray<readonly [number, number, ...unknown[]]>;

/**
 * The estimated number of events in the hour before `now`: each bucket counts in proportion to how much of its
 * elapsed part lies within that hour. A bucket starting after `now` (the server's clock runs ahead) counts fully.
 */
export function eventsInLastHour(buckets: HourlyBuckets | undefined, now: Date): number {
  const end = now.getTime();
  const start = end - hourMs;
  let total = 0;
  for (const [seconds, count] of buckets ?? []) {
    const bucketStart = seconds * 1000;
    if (bucketStart >= end) {
      total += count;
      continue;
    }
    const elapsedEnd = Math.min(bucketStart + hourMs, end);
    const overlap = elapsedEnd - Math.max(bucketStart, start);
    if (overlap > 0) total += (count * overlap) / (elapsedEnd - bucketStart);
  }
  return Math.round(total);
}
