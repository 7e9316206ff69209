// The limiters of one client: one per host and endpoint class, created on first use. A new class on a host starts
// at the concurrency the host last announced for another class, else at a safe default for servers that announce
// nothing (self-hosted Sentry, GlitchTip).
import type { Clock } from './clock';
import { endpointClassOf, type EndpointClass } from './endpointClass';
import { EndpointLimiter } from './endpointLimiter';
import { rateLimitFacts } from './rateLimitFacts';
import type { RetryPolicy } from './retryPolicy';

/** In flight per class where the server announces no limit (sentry-api-notes §3.8: "about 4 or fewer"). */
export const defaultConcurrency = 4;
/** The most in flight per class whatever the server announces (sentry.io announces 15 to 25). */
export const defaultMaxConcurrency = 25;

type HeaderValue = string | string[] | undefined;

export class Pacer {
  private readonly limiters = new Map<string, EndpointLimiter>();
  private readonly announcedByHost = new Map<string, number>();

  constructor(
    private readonly policy: RetryPolicy,
    private readonly clock: Clock,
    private readonly random: () => number,
    private readonly startConcurrency: number,
    private readonly maxConcurrency: number,
  ) {}

  limiterFor(origin: string, method: string, path: string): EndpointLimiter {
    const endpointClass = endpointClassOf(method, path);
    const key = `${origin} ${endpointClass}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new EndpointLimiter(
        this.policy,
        this.clock,
        this.random,
        this.announcedByHost.get(origin) ?? this.startConcurrency,
        this.maxConcurrency,
      );
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  /** Remembers the host's announced concurrency for classes it has not answered yet. */
  noteHost(origin: string, headers: Record<string, HeaderValue>): void {
    const announced = rateLimitFacts(headers).concurrentLimit;
    if (announced !== undefined) this.announcedByHost.set(origin, announced);
  }

  /** The current concurrency bound of a class on a host (for tests and benchmarks). */
  concurrencyOf(origin: string, endpointClass: EndpointClass): number | undefined {
    return this.limiters.get(`${origin} ${endpointClass}`)?.concurrencyLimit;
  }

  /** The largest concurrency bound over all classes. */
  get largestConcurrency(): number {
    let largest = 0;
    for (const limiter of this.limiters.values()) largest = Math.max(largest, limiter.concurrencyLimit);
    return largest || this.startConcurrency;
  }
}
