// Syncs the store's file to disk behind its writes. A batch is acknowledged once write() has handed it to the kernel,
// which a killed process cannot lose; fdatasync runs in the background, at most one at a time and each a short delay
// after the first write it covers, so that writes are not held up by the disk and a burst of them shares one sync (a
// sync per small batch cost more CPU than the events themselves). How far syncing may lag is bounded: by time (the
// delay plus the time a sync takes), and by bytes: a write that leaves more than `maxLagBytes` unsynced waits for the
// disk before it is acknowledged. After a failed sync every write waits until a sync succeeds again, so a failing disk
// turns into failed requests rather than silent loss.
import type { FileHandle } from 'node:fs/promises';
import type { Logger } from '../../log';

export interface SyncLag {
  /** Acknowledged bytes that may be in the kernel's cache only: what an OS crash or power loss could take at most. */
  readonly maxLagBytes: number;
  /** How long after a write its sync starts; 0 starts it at once. */
  readonly delayMs: number;
}

export const defaultSyncLag: SyncLag = { maxLagBytes: 1 << 20, delayMs: 50 };

export class BackgroundSync {
  /** Bytes handed to the kernel since the log was opened, across rewrites. */
  private written = 0;
  /** Of those, how many a completed fdatasync covers. */
  private synced = 0;
  private running: Promise<void> | undefined;
  private delayed: NodeJS.Timeout | undefined;
  private failure: unknown;

  constructor(
    /** The file as it is now: a rewrite replaces the handle, after settled(). */
    private readonly handle: () => Pick<FileHandle, 'datasync'>,
    private readonly lag: SyncLag,
    private readonly log: Logger,
  ) {}

  /** Acknowledged bytes not yet known to be on disk. */
  get lagBytes(): number {
    return this.written - this.synced;
  }

  /**
   * `bytes` more were written: syncs them in the background. Resolves at once while the lag is within its bound and
   * no sync failed; otherwise once everything written is synced (rejecting if that sync fails too).
   */
  async wrote(bytes: number): Promise<void> {
    this.written += bytes;
    if (this.failure !== undefined || this.lagBytes > this.lag.maxLagBytes) await this.settled();
    else this.schedule();
  }

  /** Resolves once everything written so far is synced: before the file is closed or replaced. */
  async settled(): Promise<void> {
    const target = this.written;
    while (this.synced < target) {
      this.start();
      await this.running;
      if (this.synced < target && this.failure !== undefined) throw this.failure;
    }
  }

  private schedule(): void {
    if (this.running !== undefined) return;
    // With half the bound unsynced the sync starts now, not after the delay: large events (35 KB minified ones) reach
    // a 1 MiB bound in 30 ms, and the writes after it waited for the disk, about a seventh of the server's time.
    if (this.lag.delayMs <= 0 || 2 * this.lagBytes >= this.lag.maxLagBytes) {
      this.start();
      return;
    }
    if (this.delayed !== undefined) return;
    this.delayed = setTimeout(() => this.start(), this.lag.delayMs);
    // A process may exit meanwhile only by closing the store, which syncs first.
    this.delayed.unref();
  }

  private start(): void {
    if (this.delayed !== undefined) clearTimeout(this.delayed);
    this.delayed = undefined;
    if (this.running !== undefined || this.synced >= this.written) return;
    this.running = this.sync().finally(() => {
      this.running = undefined;
      // What was written during the sync gets its own, after the delay.
      if (this.synced < this.written && this.failure === undefined) this.schedule();
    });
  }

  private async sync(): Promise<void> {
    const target = this.written;
    try {
      await this.handle().datasync();
    } catch (error) {
      this.failure = error;
      this.log.error(
        `local store: syncing the file to disk failed (${String(error)}); events are acknowledged only once synced until a sync succeeds`,
      );
      return;
    }
    this.synced = target;
    this.failure = undefined;
  }
}
