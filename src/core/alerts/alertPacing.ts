// Keeps alerts calm when refreshes come quickly (the local Sentry refreshes on every burst of events): after one
// notification the next waits out a minimum gap, and whatever qualified meanwhile is summed up in it.

/** One notification a minute at most. */
export const minimumAlertGapMs = 60_000;

export class AlertPacing {
  private lastShownAt: number | undefined;

  constructor(private readonly minimumGapMs = minimumAlertGapMs) {}

  /** Milliseconds until another notification may show; 0 when it may show now. */
  delayAt(now: number): number {
    if (this.lastShownAt === undefined) return 0;
    return Math.max(0, this.lastShownAt + this.minimumGapMs - now);
  }

  shownAt(now: number): void {
    this.lastShownAt = now;
  }
}
