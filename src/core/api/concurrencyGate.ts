// Bounds how many requests are in flight at once; the bound follows what the server announces, up and down.

export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private limit: number) {
    if (!(limit >= 1)) throw new RangeError(`concurrency limit must be at least 1, got ${limit}`);
  }

  get currentLimit(): number {
    return this.limit;
  }

  get inFlight(): number {
    return this.active;
  }

  /** Sets the bound (at least one), e.g. from `X-Sentry-Rate-Limit-ConcurrentLimit`; a raise lets waiters in at once. */
  setLimit(limit: number): void {
    if (!Number.isFinite(limit) || limit < 1) return;
    this.limit = Math.floor(limit);
    while (this.active < this.limit && this.waiting.length > 0) {
      this.active++;
      this.waiting.shift()?.();
    }
  }

  /** Lowers the bound only. */
  lowerLimitTo(limit: number): void {
    if (Number.isFinite(limit) && limit >= 1 && limit < this.limit) this.setLimit(limit);
  }

  /** Runs the task once a slot is free; `urgent` tasks wait ahead of the others (the next page of a list, say). */
  async run<T>(task: () => Promise<T>, urgent = false): Promise<T> {
    await this.acquire(urgent);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Resolves once a slot is held; the holder must call `release()` exactly once. */
  acquire(urgent = false): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => (urgent ? this.waiting.unshift(resolve) : this.waiting.push(resolve)));
  }

  release(): void {
    const next = this.active <= this.limit ? this.waiting.shift() : undefined;
    if (next) {
      next(); // the slot passes straight to the next waiter
    } else {
      this.active--;
    }
  }
}
