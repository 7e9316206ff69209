// Reads what an answer says about the server's limits: Sentry's X-Sentry-Rate-Limit-* headers, Retry-After, and the
// text of Sentry's 429 (a bare JSON string naming the limit and window, or the concurrency limit).
import { errorDetail } from './statusErrors';

type HeaderValue = string | string[] | undefined;

export interface RateLimitFacts {
  /** Requests allowed per window. */
  readonly limit?: number;
  /** Requests left in the current window, as the server counted when it answered. */
  readonly remaining?: number;
  /** When the current window ends, epoch ms. */
  readonly resetAtMs?: number;
  /** Requests allowed in flight at once. */
  readonly concurrentLimit?: number;
  readonly concurrentRemaining?: number;
}

export interface RefusalFacts extends RateLimitFacts {
  /** The 429 was for going above the concurrency limit, not for using up the window. */
  readonly concurrency: boolean;
  /** The window's length, from the 429 text ("Limit is 40 requests in 1 seconds"). */
  readonly windowMs?: number;
  /** How long the server asked us to wait (Retry-After, seconds or an HTTP date). */
  readonly retryAfterMs?: number;
}

function first(value: HeaderValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function count(value: HeaderValue): number | undefined {
  const text = first(value)?.trim();
  if (!text) return undefined;
  const number = Number(text);
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

export function rateLimitFacts(headers: Record<string, HeaderValue>): RateLimitFacts {
  const reset = count(headers['x-sentry-rate-limit-reset']);
  return {
    limit: positive(count(headers['x-sentry-rate-limit-limit'])),
    remaining: count(headers['x-sentry-rate-limit-remaining']),
    resetAtMs: reset !== undefined && reset > 0 ? reset * 1000 : undefined,
    concurrentLimit: positive(count(headers['x-sentry-rate-limit-concurrentlimit'])),
    concurrentRemaining: count(headers['x-sentry-rate-limit-concurrentremaining']),
  };
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && value >= 1 ? Math.floor(value) : undefined;
}

// Sentry's limiter texts (src/sentry/middleware/ratelimit.py).
const windowText = /Limit is (\d+) requests? in (\d+) seconds?/i;
const concurrencyText = /concurrency limit is (\d+)/i;

export function refusalFacts(headers: Record<string, HeaderValue>, body: string, nowMs: number): RefusalFacts {
  const facts = rateLimitFacts(headers);
  const text = errorDetail(body) ?? '';
  const windowMatch = windowText.exec(text);
  const concurrencyMatch = concurrencyText.exec(text);
  const concurrency = concurrencyMatch !== null || (facts.concurrentRemaining === 0 && (facts.remaining ?? 0) > 0);
  return {
    ...facts,
    limit: facts.limit ?? (windowMatch ? positive(Number(windowMatch[1])) : undefined),
    windowMs: windowMatch ? Number(windowMatch[2]) * 1000 || undefined : undefined,
    concurrentLimit: facts.concurrentLimit ?? (concurrencyMatch ? positive(Number(concurrencyMatch[1])) : undefined),
    concurrency,
    retryAfterMs: retryAfterMs(first(headers['retry-after']), nowMs),
  };
}

function retryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
