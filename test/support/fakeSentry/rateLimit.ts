// Rate-limit headers on every Sentry answer, in-flight counting, and the 429 each backend sends over the limit.
import { Answer, glitchtipMessages } from './answer';
import { ResolvedOptions } from './options';

export class InFlightCounter {
  current = 0;
  /** The most requests ever in flight at once. */
  max = 0;

  enter(): void {
    this.current += 1;
    this.max = Math.max(this.max, this.current);
  }

  leave(): void {
    this.current -= 1;
  }
}

/** `X-Sentry-Rate-Limit-*` headers (none for GlitchTip or with `rateLimit: false`, like self-hosted Sentry). */
export function rateLimitHeaders(options: ResolvedOptions, inFlight: number): Record<string, string> {
  if (options.flavour === 'glitchtip' || options.rateLimit === false) return {};
  const settings = options.rateLimit;
  const concurrentLimit = options.concurrencyLimit ?? settings.concurrentLimit;
  return {
    'X-Sentry-Rate-Limit-Limit': String(settings.limit),
    'X-Sentry-Rate-Limit-Remaining': String(settings.remaining),
    'X-Sentry-Rate-Limit-Reset': String(Math.floor(Date.now() / 1000) + settings.resetAfterSeconds),
    'X-Sentry-Rate-Limit-ConcurrentLimit': String(concurrentLimit),
    'X-Sentry-Rate-Limit-ConcurrentRemaining': String(Math.max(0, concurrentLimit - inFlight)),
  };
}

/** The answer to a request over the concurrency limit. */
export function tooManyConcurrent(options: ResolvedOptions, limit: number): Answer {
  if (options.flavour === 'glitchtip') {
    return {
      status: 429,
      body: { message: glitchtipMessages.retryLater },
      headers: { 'Retry-After': String(options.retryAfterSeconds) },
    };
  }
  // Sentry's middleware text; its limiter sends no Retry-After (sentry-api-notes §3.8).
  const message = `You are attempting to go above the allowed concurrency for this endpoint. Concurrency limit is ${limit}`;
  return { status: 429, body: options.tooManyRequestsBody === 'bareString' ? message : { detail: message } };
}

/** Sentry's fixed-window 429 text, for tests that inject one. */
export function tooFrequentMessage(limit = 40, windowSeconds = 1): string {
  return `You are attempting to use this endpoint too frequently. Limit is ${limit} requests in ${windowSeconds} seconds`;
}
