// Collects work items (editors to redraw, files to re-report) and runs them together once events stop arriving for a
// moment, so a burst of edits or store changes costs one pass.
import type * as vscode from 'vscode';

export class DebouncedBatch<T> implements vscode.Disposable {
  private readonly pending = new Set<T>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly run: (items: ReadonlySet<T>) => void) {}

  /** Adds items and (re)starts the wait; the batch runs `delayMs` after the last call. */
  add(items: Iterable<T>, delayMs: number): void {
    for (const item of items) this.pending.add(item);
    if (this.pending.size === 0) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), delayMs);
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const items = new Set(this.pending);
    this.pending.clear();
    this.run(items);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
