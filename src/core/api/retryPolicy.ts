// How long the client keeps trying: retries for 5xx, network errors and timeouts with exponential backoff and jitter,
// and how long a rate-limited request may keep waiting for its window before the client gives up and says so.

export interface RetryPolicy {
  /** Retries after the first attempt for 5xx and network errors. */
  readonly maxRetries: number;
  /** Retries after an attempt that timed out: a server that did not answer in time rarely does on the next try. */
  readonly maxTimeoutRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A 429 that closes the window for longer than this is not waited for: the user is told when to try again. */
  readonly maxRateLimitWaitMs: number;
  /** Rate-limit windows in a row that may end in a 429 with nothing admitted before the class gives up. */
  readonly maxIdleWindows: number;
  /** 429s one request may receive before it gives up, however the rest of the load fares. */
  readonly maxRefusalsPerRequest: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  maxTimeoutRetries: 0,
  baseDelayMs: 300,
  maxDelayMs: 8_000,
  maxRateLimitWaitMs: 60_000,
  maxIdleWindows: 5,
  maxRefusalsPerRequest: 30,
};

/** Full-jitter exponential backoff: a random wait in [base·2^attempt / 2, base·2^attempt], capped. */
export function backoffDelay(
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  attempt: number,
  random: () => number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
