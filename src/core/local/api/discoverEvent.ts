// One error event as the organization events endpoint (Discover) reads it: the local server and the test fake Sentry
// each fill this view from their own model, and discoverAnswer builds Sentry's table over it, so both answer alike.
// What the stored record holds is read at once; what only the event's body holds, on demand (details).

/** A stack frame's fields that Discover's `stack.*` columns carry (Snuba's `exception_frames`), in the API's names. */
export interface DiscoverFrame {
  readonly filename: string | null;
  readonly absPath: string | null;
  readonly module: string | null;
  readonly function: string | null;
  readonly lineNo: number | null;
  readonly colNo: number | null;
  readonly inApp: boolean | null;
}

export interface DiscoverException {
  readonly type: string | null;
  readonly value: string | null;
  readonly mechanism: string | null;
  /** The mechanism's `handled`; null when the SDK did not say. */
  readonly handled: boolean | null;
  /** Caller to callee, as the event carries them. */
  readonly frames: readonly DiscoverFrame[];
}

export interface DiscoverUser {
  readonly id: string | null;
  readonly email: string | null;
  readonly username: string | null;
  readonly ip: string | null;
}

/** What lives in an event's body: the local server reads it from disk, so only for queries that need it. */
export interface DiscoverDetails {
  readonly title: string;
  readonly message: string;
  readonly culprit: string | null;
  readonly location: string | null;
  readonly platform: string | null;
  /** `error` or `default`. */
  readonly type: string;
  readonly traceId: string | null;
  readonly user: DiscoverUser | null;
  /** Cause first, thrown last. */
  readonly exceptions: readonly DiscoverException[];
}

export interface DiscoverEvent {
  readonly eventId: string;
  readonly issueId: string;
  /** The issue's short id (`SHOP-1A`), Discover's `issue` column. */
  readonly shortId: string;
  readonly projectId: string;
  readonly projectSlug: string;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly level: string;
  readonly release: string | null;
  readonly environment: string | null;
  readonly transaction: string | null;
  readonly tags: ReadonlyArray<readonly [string, string]>;
  /** Read once per view, when a column or term of the query needs the body. */
  details(): Promise<DiscoverDetails>;
}

/** An event with its details when the query needed them. */
export interface DiscoverItem {
  readonly event: DiscoverEvent;
  readonly details?: DiscoverDetails;
}
