// Bounds how many requests are in flight at once; the bound can shrink when the server announces a lower concurrent limit.

export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private limit: number) {
    if (!(limit >= 1)) throw new RangeError(`concurrency limit must be at least 1, got ${limit}`);
  }

  get currentLimit(): number {
    return this.limit;
  }

  /** Lowers (never raises above the configured start) the bound, e.g. from `X-Sentry-Rate-Limit-ConcurrentLimit`. */
  lowerLimitTo(limit: number): void {
    if (Number.isFinite(limit) && limit >= 1 && limit < this.limit) this.limit = Math.floor(limit);
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

  private acquire(urgent: boolean): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => (urgent ? this.waiting.unshift(resolve) : this.waiting.push(resolve)));
  }

  private release(): void {
    const next = this.active <= this.limit ? this.waiting.shift() : undefined;
    if (next) {
      next(); // the slot passes straight to the next waiter
    } else {
      this.active--;
    }
  }
}
