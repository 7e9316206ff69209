// One host's limiter for one endpoint class: a concurrency gate that follows the announced concurrent limit and a rate
// window that admits requests only while the server's window has room. A request first gets its slot, then waits for
// its window while holding it, so that nothing queued fires into a window known to be closed.
import type { Clock } from './clock';
import { ConcurrencyGate } from './concurrencyGate';
import { rateLimitFacts, refusalFacts } from './rateLimitFacts';
import { RateWindow } from './rateWindow';
import { backoffDelay, type RetryPolicy } from './retryPolicy';

export type Admission =
  | { readonly kind: 'admitted' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'afterDeadline'; readonly waitMs: number }
  /** The server closed the window for longer than a request waits (a 429 asking for an hour): fail now, say when. */
  | { readonly kind: 'closedTooLong'; readonly waitMs: number };

export type RefusalVerdict =
  | { readonly kind: 'again'; readonly waitMs: number }
  | {
      readonly kind: 'giveUp';
      readonly reason: 'idleWindows' | 'longWait';
      readonly waitMs: number;
      readonly windows: number;
    };

type HeaderValue = string | string[] | undefined;

/** While nothing but an answer can reopen the window, look again this often: an answer may never come. */
const recheckMs = 1000;
/** After the server refused us for concurrency, one more slot is tried after this many answers without such a refusal. */
const answersPerConcurrencyStep = 20;

export class EndpointLimiter {
  private readonly gate: ConcurrencyGate;
  private readonly window = new RateWindow();
  /** Requests sent and not answered yet (slot holders still waiting for the window are not among them). */
  private sent = 0;
  /** Windows in a row that ended in a 429 without any request admitted since. */
  private idleWindows = 0;
  private admittedSinceRefusal = true;
  private announcedConcurrency: number | undefined;
  /** Lowered when the server refuses for concurrency (its count may include other clients'); creeps back up. */
  private concurrencyCap = Number.POSITIVE_INFINITY;
  private answersSinceCap = 0;
  private readonly wakeups = new Set<AbortController>();

  constructor(
    private readonly policy: RetryPolicy,
    private readonly clock: Clock,
    private readonly random: () => number,
    initialConcurrency: number,
    private readonly maxConcurrency: number,
  ) {
    this.gate = new ConcurrencyGate(Math.max(1, Math.min(initialConcurrency, maxConcurrency)));
  }

  get concurrencyLimit(): number {
    return this.gate.currentLimit;
  }

  /** Waits for a slot and then for room in the window; on `admitted` the caller must call `answered`/`refused`/`failed`. */
  async admit(urgent: boolean, signal: AbortSignal | undefined, deadlineAt: number | undefined): Promise<Admission> {
    await this.gate.acquire(urgent);
    for (;;) {
      if (signal?.aborted) return this.leave({ kind: 'cancelled' });
      const now = this.clock.now();
      const wait = this.window.take(now, this.sent);
      if (!wait) {
        this.sent += 1;
        return { kind: 'admitted' };
      }
      if (wait !== 'untilAnswer' && deadlineAt !== undefined && now + wait.ms > deadlineAt)
        return this.leave({ kind: 'afterDeadline', waitMs: wait.ms });
      if (wait !== 'untilAnswer' && wait.ms > this.policy.maxRateLimitWaitMs)
        return this.leave({ kind: 'closedTooLong', waitMs: wait.ms });
      await this.pause(wait === 'untilAnswer' ? recheckMs : wait.ms, signal);
    }
  }

  /** Any answer but a 429: learn the window and the concurrency it announces, and free the slot. */
  answered(headers: Record<string, HeaderValue>): void {
    const facts = rateLimitFacts(headers);
    this.sent -= 1;
    this.window.learn(facts, this.sent);
    this.window.admitted();
    this.admittedSinceRefusal = true;
    this.idleWindows = 0;
    if (facts.concurrentLimit !== undefined)
      this.announcedConcurrency = Math.min(facts.concurrentLimit, this.maxConcurrency);
    if (Number.isFinite(this.concurrencyCap) && ++this.answersSinceCap >= answersPerConcurrencyStep) {
      this.concurrencyCap += 1;
      this.answersSinceCap = 0;
    }
    this.applyConcurrency();
    this.leave(undefined);
  }

  /** A 429: close the window (or narrow concurrency) and say whether the request should wait and go again. */
  refused(headers: Record<string, HeaderValue>, body: string, refusalsOfRequest: number): RefusalVerdict {
    const now = this.clock.now();
    const facts = refusalFacts(headers, body, now);
    this.sent -= 1;
    if (facts.concurrency) {
      const inFlight = this.sent + 1; // this request included
      this.concurrencyCap = Math.max(1, Math.min(facts.concurrentLimit ?? inFlight, inFlight - 1));
      this.answersSinceCap = 0;
      this.applyConcurrency();
      this.leave(undefined);
      // Alone in flight and still refused: the others are elsewhere, so wait a little instead of asking at once.
      return { kind: 'again', waitMs: inFlight <= 1 ? backoffDelay(this.policy, refusalsOfRequest, this.random) : 0 };
    }
    const news = !this.window.isClosed(now);
    const closedFor = this.window.refuse(facts, now, backoffDelay(this.policy, this.idleWindows, this.random));
    if (news) {
      this.idleWindows = this.admittedSinceRefusal ? 1 : this.idleWindows + 1;
      this.admittedSinceRefusal = false;
    }
    this.leave(undefined);
    if (closedFor > this.policy.maxRateLimitWaitMs)
      return { kind: 'giveUp', reason: 'longWait', waitMs: closedFor, windows: this.idleWindows };
    if (this.idleWindows > this.policy.maxIdleWindows)
      return { kind: 'giveUp', reason: 'idleWindows', waitMs: closedFor, windows: this.idleWindows };
    return { kind: 'again', waitMs: 0 };
  }

  /** No answer at all (network error, timeout, cancel): free the slot. */
  failed(): void {
    this.sent -= 1;
    this.window.abandoned();
    this.leave(undefined);
  }

  private applyConcurrency(): void {
    const target = Math.min(this.announcedConcurrency ?? this.gate.currentLimit, this.concurrencyCap);
    if (target !== this.gate.currentLimit) this.gate.setLimit(target);
  }

  private leave<T>(result: T): T {
    this.gate.release();
    if (this.wakeups.size > 0 && this.window.mayAdmit(this.clock.now())) {
      for (const wakeup of this.wakeups) wakeup.abort();
      this.wakeups.clear();
    }
    return result;
  }

  /** Sleeps `ms`, or less when an answer of this class may have opened the window. */
  private async pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    const wakeup = new AbortController();
    this.wakeups.add(wakeup);
    try {
      await this.clock.sleep(ms, signal ? AbortSignal.any([signal, wakeup.signal]) : wakeup.signal);
    } finally {
      this.wakeups.delete(wakeup);
    }
  }
}
