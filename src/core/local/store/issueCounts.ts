// An issue's counts, kept per release and environment so that counts under `release:` and `environment` filters are
// exact: events, distinct users, first and last seen, per-value tag counts and an hourly histogram for sparklines.

export interface CountScope {
  /** Only these releases; undefined means all. */
  readonly releases?: readonly string[];
  /** Only these environments; undefined or empty means all. */
  readonly environments?: readonly string[];
}

export interface Totals {
  readonly count: number;
  readonly userCount: number;
  readonly firstSeen: number | undefined;
  readonly lastSeen: number | undefined;
}

export interface TagValueCount {
  count: number;
  firstSeen: number;
  lastSeen: number;
}

interface Bucket {
  readonly release: string | null;
  readonly environment: string | null;
  count: number;
  firstSeen: number;
  lastSeen: number;
  readonly users: Set<string>;
}

export interface CountedEvent {
  readonly timestamp: number;
  readonly release?: string;
  readonly environment?: string;
  readonly userKey?: string;
  readonly tags: ReadonlyArray<readonly [string, string]>;
}

/** Beyond these, new users, tag keys and tag values are no longer told apart (memory stays bounded). */
const MAX_USERS_PER_BUCKET = 10_000;
const MAX_TAG_KEYS = 50;
const MAX_TAG_VALUES = 1_000;
const HOUR_MS = 3_600_000;
const HISTOGRAM_HOURS = 31 * 24;

export class IssueCounts {
  private readonly buckets = new Map<string, Bucket>();
  private readonly tagValues = new Map<string, Map<string, TagValueCount>>();
  /** Events per hour, keyed by the hour's start in ms. */
  private readonly hourly = new Map<number, number>();

  add(event: CountedEvent): void {
    const key = `${event.release ?? ''}\0${event.environment ?? ''}`;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = {
        release: event.release ?? null,
        environment: event.environment ?? null,
        count: 0,
        firstSeen: event.timestamp,
        lastSeen: event.timestamp,
        users: new Set(),
      };
      this.buckets.set(key, bucket);
    }
    bucket.count += 1;
    bucket.firstSeen = Math.min(bucket.firstSeen, event.timestamp);
    bucket.lastSeen = Math.max(bucket.lastSeen, event.timestamp);
    if (event.userKey !== undefined && bucket.users.size < MAX_USERS_PER_BUCKET) bucket.users.add(event.userKey);
    for (const [tag, value] of event.tags) this.addTag(tag, value, event.timestamp);
    this.addHour(event.timestamp);
  }

  totals(scope: CountScope = {}): Totals {
    let count = 0;
    let firstSeen: number | undefined;
    let lastSeen: number | undefined;
    const users = new Set<string>();
    for (const bucket of this.bucketsIn(scope)) {
      count += bucket.count;
      firstSeen = firstSeen === undefined ? bucket.firstSeen : Math.min(firstSeen, bucket.firstSeen);
      lastSeen = lastSeen === undefined ? bucket.lastSeen : Math.max(lastSeen, bucket.lastSeen);
      for (const user of bucket.users) users.add(user);
    }
    return { count, userCount: users.size, firstSeen, lastSeen };
  }

  /** True when some event matches the scope (an issue is listed under `release:x` only if it has an event in x). */
  has(scope: CountScope): boolean {
    return this.bucketsIn(scope).length > 0;
  }

  /** True when some event of the release is counted: has({ releases: [release] }) without building a list. */
  hasRelease(release: string): boolean {
    for (const bucket of this.buckets.values()) if (bucket.release === release) return true;
    return false;
  }

  /** Per release and environment: events and when first and last seen. */
  spans(): Array<{
    release: string | null;
    environment: string | null;
    count: number;
    firstSeen: number;
    lastSeen: number;
  }> {
    return [...this.buckets.values()].map(({ release, environment, count, firstSeen, lastSeen }) => ({
      release,
      environment,
      count,
      firstSeen,
      lastSeen,
    }));
  }

  releases(): string[] {
    return [
      ...new Set([...this.buckets.values()].flatMap((bucket) => (bucket.release === null ? [] : [bucket.release]))),
    ];
  }

  environments(): string[] {
    return [
      ...new Set(
        [...this.buckets.values()].flatMap((bucket) => (bucket.environment === null ? [] : [bucket.environment])),
      ),
    ];
  }

  tagKeys(): string[] {
    return [...this.tagValues.keys()];
  }

  tag(key: string): ReadonlyMap<string, TagValueCount> {
    return this.tagValues.get(key) ?? new Map();
  }

  /** `[[unixSeconds, count], ...]`, one bucket per `stepMs` ending at `now`, oldest first. */
  series(now: number, buckets: number, stepMs: number): Array<[number, number]> {
    const end = Math.floor(now / stepMs) * stepMs;
    const series: Array<[number, number]> = [];
    for (let index = buckets - 1; index >= 0; index--) {
      const start = end - index * stepMs;
      let count = 0;
      for (let hour = start; hour < start + stepMs; hour += HOUR_MS) count += this.hourly.get(hour) ?? 0;
      series.push([start / 1000, count]);
    }
    return series;
  }

  toJSON(): CountsJson {
    return {
      buckets: [...this.buckets.values()].map((bucket) => ({ ...bucket, users: [...bucket.users] })),
      tags: [...this.tagValues.entries()].map(([key, values]) => [key, [...values.entries()]]),
      hourly: [...this.hourly.entries()],
    };
  }

  static fromJSON(json: CountsJson): IssueCounts {
    const counts = new IssueCounts();
    for (const bucket of json.buckets)
      counts.buckets.set(`${bucket.release ?? ''}\0${bucket.environment ?? ''}`, {
        ...bucket,
        users: new Set(bucket.users),
      });
    for (const [key, values] of json.tags)
      counts.tagValues.set(key, new Map(values.map(([value, count]) => [value, { ...count }])));
    for (const [hour, count] of json.hourly) counts.hourly.set(hour, count);
    return counts;
  }

  private bucketsIn(scope: CountScope): Bucket[] {
    const environments = scope.environments && scope.environments.length > 0 ? scope.environments : undefined;
    return [...this.buckets.values()].filter(
      (bucket) =>
        (scope.releases === undefined || (bucket.release !== null && scope.releases.includes(bucket.release))) &&
        (environments === undefined || (bucket.environment !== null && environments.includes(bucket.environment))),
    );
  }

  private addTag(key: string, value: string, timestamp: number): void {
    let values = this.tagValues.get(key);
    if (values === undefined) {
      if (this.tagValues.size >= MAX_TAG_KEYS) return;
      values = new Map();
      this.tagValues.set(key, values);
    }
    const seen = values.get(value);
    if (seen !== undefined) {
      seen.count += 1;
      seen.firstSeen = Math.min(seen.firstSeen, timestamp);
      seen.lastSeen = Math.max(seen.lastSeen, timestamp);
    } else if (values.size < MAX_TAG_VALUES) {
      values.set(value, { count: 1, firstSeen: timestamp, lastSeen: timestamp });
    }
  }

  private addHour(timestamp: number): void {
    const hour = Math.floor(timestamp / HOUR_MS) * HOUR_MS;
    this.hourly.set(hour, (this.hourly.get(hour) ?? 0) + 1);
    if (this.hourly.size > HISTOGRAM_HOURS) {
      const oldest = Math.min(...this.hourly.keys());
      this.hourly.delete(oldest);
    }
  }
}

export interface CountsJson {
  buckets: Array<{
    release: string | null;
    environment: string | null;
    count: number;
    firstSeen: number;
    lastSeen: number;
    users: string[];
  }>;
  tags: Array<[string, Array<[string, TagValueCount]>]>;
  hourly: Array<[number, number]>;
}
