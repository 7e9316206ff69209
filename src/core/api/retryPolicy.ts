// Decides whether and how long to wait before retrying a failed request: Retry-After and Sentry's rate-limit reset first,
// then exponential backoff with jitter.

export interface RetryPolicy {
  /** Retries after the first attempt for 5xx, network errors and timeouts. */
  readonly maxRetries: number;
  /** Retries after the first attempt for 429 answers. */
  readonly maxRateLimitRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A 429 that asks for a longer wait than this is not retried: the user is told when to try again. */
  readonly maxRateLimitWaitMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  maxRateLimitRetries: 4,
  baseDelayMs: 300,
  maxDelayMs: 8_000,
  maxRateLimitWaitMs: 60_000,
};

/** Full-jitter exponential backoff: a random wait in [base·2^attempt / 2, base·2^attempt], capped. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

type HeaderValue = string | string[] | undefined;

function first(value: HeaderValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * How long a 429 asks us to wait, in ms, from `Retry-After` (seconds or an HTTP date) or
 * `X-Sentry-Rate-Limit-Reset` (epoch seconds). Undefined when neither says.
 */
export function rateLimitWaitMs(headers: Record<string, HeaderValue>, nowMs: number): number | undefined {
  const retryAfter = first(headers['retry-after'])?.trim();
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  const reset = Number(first(headers['x-sentry-rate-limit-reset']));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - nowMs);
  return undefined;
}
