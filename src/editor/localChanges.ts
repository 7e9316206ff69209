// Applies the local Sentry's changes to the window: the changes of a burst are merged and applied together at most
// `delayMs` after the first (a steady stream of events cannot postpone them), one application at a time, so a change
// that arrives during one is applied right after it instead of aborting it.
import type * as vscode from 'vscode';
import { mergeLocalChanges, type LocalChange } from '../core/local/changeFeed';

export class LocalChangeBatch implements vscode.Disposable {
  private pending: LocalChange | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private disposed = false;

  constructor(
    private readonly apply: (change: LocalChange) => Promise<void>,
    private readonly delayMs: number,
  ) {}

  add(change: LocalChange): void {
    this.pending = this.pending ? mergeLocalChanges(this.pending, change) : change;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.running || this.disposed) return;
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const change = this.pending;
    this.pending = undefined;
    if (!change || this.disposed) return;
    this.running = true;
    try {
      await this.apply(change);
    } finally {
      this.running = false;
      if (this.pending) this.schedule();
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.pending = undefined;
  }
}
