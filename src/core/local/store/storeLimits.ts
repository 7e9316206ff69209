// How much the local store keeps: the newest events overall and per issue, issues, and bytes of event bodies.

export interface StoreLimits {
  readonly maxEvents: number;
  readonly maxEventsPerIssue: number;
  readonly maxIssues: number;
  /** Total size of the kept event bodies (JSON characters), so that a few huge events cannot fill memory. */
  readonly maxEventChars: number;
}

export const defaultStoreLimits: StoreLimits = {
  maxEvents: 10_000,
  maxEventsPerIssue: 100,
  maxIssues: 10_000,
  maxEventChars: 64_000_000,
};
