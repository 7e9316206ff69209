// How much the local store keeps: the newest events overall and per issue, issues, and bytes of event bodies; and the
// bounds within which a user may set each (serve's options and the editor's settings share them).

export interface StoreLimits {
  readonly maxEvents: number;
  readonly maxEventsPerIssue: number;
  readonly maxIssues: number;
  /** Total size of the kept event bodies (their JSON in UTF-8 bytes), so that a few huge events cannot fill the store. */
  readonly maxEventChars: number;
}

export const defaultStoreLimits: StoreLimits = {
  maxEvents: 10_000,
  maxEventsPerIssue: 100,
  maxIssues: 10_000,
  maxEventChars: 64_000_000,
};

export interface StoreLimitBound {
  readonly min: number;
  readonly max: number;
  /** The user's unit in the store's terms: megabytes given, characters kept. */
  readonly scale: number;
}

const megabyte = 1_000_000;

/** Each limit as the user gives it (whole numbers from min to max, in units of `scale`), bounds that keep memory and restart time sane. */
export const storeLimitBounds: Readonly<Record<keyof StoreLimits, StoreLimitBound>> = {
  maxEvents: { min: 10, max: 1_000_000, scale: 1 },
  maxEventsPerIssue: { min: 1, max: 10_000, scale: 1 },
  // Evicting an issue scans them all: beyond 100,000 each new issue would cost too much.
  maxIssues: { min: 10, max: 100_000, scale: 1 },
  maxEventChars: { min: 1, max: 16_000, scale: megabyte },
};

/** A limit's default in the user's unit (megabytes for maxEventChars). */
export function defaultStoreLimitInUnits(limit: keyof StoreLimits): number {
  return defaultStoreLimits[limit] / storeLimitBounds[limit].scale;
}

/** The store's value of a limit given in the user's unit, or undefined when it is not a whole number within bounds. */
export function storeLimitFromUnits(limit: keyof StoreLimits, value: number): number | undefined {
  const { min, max, scale } = storeLimitBounds[limit];
  return Number.isInteger(value) && value >= min && value <= max ? value * scale : undefined;
}
