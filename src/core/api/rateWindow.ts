// The client's picture of one endpoint class's fixed rate-limit window: how many requests may still go before it
// resets, learned from every answer's headers and from 429s, so that requests are scheduled into the windows the
// server allows instead of being sent into a closed one.
import type { RateLimitFacts, RefusalFacts } from './rateLimitFacts';

/** Sentry's windows are one second unless an answer shows otherwise (sentry-api-notes §3.8). */
const defaultWindowMs = 1000;
/** The longest window believed from two answers' reset times; longer gaps are idle time, not a window. */
const maxInferredWindowMs = 60_000;

/** How long to wait before asking again: a time in ms, or until some answer of this class tells more. */
export type WindowWait = { readonly ms: number } | 'untilAnswer';

export class RateWindow {
  /** Requests per window, once known. */
  private limit: number | undefined;
  private windowMs: number | undefined;
  /** End of the window `budget` counts in (epoch ms); 0 while unknown. */
  private resetAt = 0;
  private budget = Number.POSITIVE_INFINITY;
  /** After a 429 nothing goes before this. */
  private closedUntil = 0;
  /** After a 429 whose limit is unknown, one request probes the reopened window before the rest follow. */
  private probing = false;
  private probeOut = false;

  /**
   * Counts one request into the window and answers undefined, or says how long to wait. `inFlight` requests were sent
   * earlier and not answered yet: the server may count them in a new window, so they come off its budget.
   */
  take(now: number, inFlight = 0): WindowWait | undefined {
    if (now < this.closedUntil) return { ms: this.closedUntil - now };
    if (this.resetAt > 0 && now >= this.resetAt) this.rollOver(now, inFlight);
    if (this.probing) {
      if (this.probeOut) return 'untilAnswer';
      this.probeOut = true;
      return undefined;
    }
    if (this.budget >= 1) {
      this.budget -= 1;
      return undefined;
    }
    return this.resetAt > now ? { ms: this.resetAt - now } : 'untilAnswer';
  }

  /**
   * False only when a request taken now would wait for a time (take() answers `{ ms }`). An answer never moves the
   * window's end or its closing earlier, so the requests already waiting for a time need to look again only when this
   * is true: waking every one of them on every answer was most of the limiter's cost.
   */
  mayAdmit(now: number): boolean {
    if (now < this.closedUntil) return false;
    if ((this.resetAt > 0 && now >= this.resetAt) || this.probing || this.budget >= 1) return true;
    return this.resetAt <= now;
  }

  /** An answer's headers: the server's count is the truth for its window. `othersInFlight` may still land in it. */
  learn(facts: RateLimitFacts, othersInFlight: number): void {
    if (facts.limit !== undefined) this.limit = facts.limit;
    const { resetAtMs, remaining } = facts;
    if (resetAtMs === undefined || remaining === undefined) return;
    if (resetAtMs > this.resetAt) {
      const gap = resetAtMs - this.resetAt;
      if (this.resetAt > 0 && gap <= maxInferredWindowMs) this.windowMs = Math.min(this.windowMs ?? gap, gap);
      this.resetAt = resetAtMs;
      this.budget = Math.max(0, remaining - othersInFlight);
    } else if (resetAtMs === this.resetAt) {
      this.budget = Math.min(this.budget, remaining);
    }
  }

  /** An answer that was not a 429: the window admitted it, so a probe has succeeded. */
  admitted(): void {
    if (this.probing) {
      this.probing = false;
      this.probeOut = false;
      if (this.limit === undefined) this.budget = Number.POSITIVE_INFINITY;
    }
  }

  /** A probe that never got an answer (cancelled, network error) frees the probe for the next request. */
  abandoned(): void {
    this.probeOut = false;
  }

  /**
   * A 429 for the window: closes it until the server says it reopens (Retry-After, the reset header, or the end of the
   * epoch-aligned window the 429 text names), else for `fallbackMs`. Answers how long it is closed from `now`.
   */
  refuse(facts: RefusalFacts, now: number, fallbackMs: number): number {
    if (facts.limit !== undefined) this.limit = facts.limit;
    if (facts.windowMs !== undefined) this.windowMs = facts.windowMs;
    const until = this.reopening(facts, now) ?? now + fallbackMs;
    this.closedUntil = Math.max(this.closedUntil, until);
    this.budget = 0;
    this.resetAt = Math.max(this.resetAt, this.closedUntil);
    this.probing = this.limit === undefined;
    this.probeOut = false;
    return this.closedUntil - now;
  }

  /** Whether a 429 arriving now is news, or one more answer to requests sent before the window was known closed. */
  isClosed(now: number): boolean {
    return now < this.closedUntil;
  }

  private reopening(facts: RefusalFacts, now: number): number | undefined {
    if (facts.retryAfterMs !== undefined) return now + facts.retryAfterMs;
    if (facts.resetAtMs !== undefined && facts.resetAtMs > now) return facts.resetAtMs;
    if (facts.windowMs !== undefined) return alignedWindowEnd(now, facts.windowMs);
    return undefined;
  }

  private rollOver(now: number, inFlight: number): void {
    if (this.limit === undefined) {
      this.budget = Number.POSITIVE_INFINITY;
      this.resetAt = 0;
      return;
    }
    this.budget = Math.max(0, this.limit - inFlight);
    this.resetAt = alignedWindowEnd(now, this.windowMs ?? defaultWindowMs);
  }
}

/** Sentry's fixed windows start at multiples of their length since the epoch (its Redis limiter). */
function alignedWindowEnd(now: number, windowMs: number): number {
  return (Math.floor(now / windowMs) + 1) * windowMs;
}
