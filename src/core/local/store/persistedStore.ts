// The local store together with its log: loads the log into memory, appends each change, and compacts the log when it
// has grown to more than twice what the current state needs. A damaged file is copied aside and rewritten with what
// could be read, and the report says what was lost. Without a directory, the store lives in memory only.
import type { Logger } from '../../log';
import { Listeners, type Unsubscribe } from '../../state/listeners';
import { storeChangeOf, type StoreChange } from '../changeFeed';
import { describeLoad, emptyLoadReport, isDamaged, type LoadReport } from './loadReport';
import { LocalStore } from './localStore';
import type { StoreLimits } from './storeLimits';
import { StoreLog, type StoreLogOptions } from './storeLog';
import { StoreOpenError } from './storeOpenError';
import type { StoreRecord } from './storeRecords';

/** Lines the log may carry beyond twice the live records before it is rewritten. */
const COMPACTION_SLACK = 1_000;
/**
 * Bytes the log may grow by since it was last rewritten: half the live event bodies, or this much when they are few.
 * Counting lines alone let a log of large events grow to several times the store's body budget, all of it read again
 * at the next start; counting from the last rewrite keeps large issue records from starting a rewrite at every event.
 */
const COMPACTION_SLACK_BYTES = 8 * 1024 * 1024;

/** After a rewrite failed (a full disk, a locked file), the log grows by this many more lines before the next try. */
const RETRY_AFTER_LINES = 10_000;

export class PersistedStore {
  private compacting: Promise<void> | undefined;
  /** The log's line count under which no rewrite is tried again, after one failed. */
  private noRewriteBelow = 0;
  private changes = 0;
  private readonly committed = new Listeners<StoreChange>();

  private constructor(
    readonly store: LocalStore,
    private readonly log: StoreLog | undefined,
    readonly loaded: LoadReport,
    private readonly logger: Logger,
  ) {}

  /** Throws StoreOpenError when the store cannot be opened at all; a damaged file is repaired and reported instead. */
  static async open(
    options: { directory?: string; limits?: StoreLimits; log: Logger } & StoreLogOptions,
  ): Promise<PersistedStore> {
    const store = new LocalStore(options.limits);
    if (options.directory === undefined) return new PersistedStore(store, undefined, emptyLoadReport(''), options.log);
    const opened = await StoreLog.open(options.directory, (record) => store.apply(record), options.log, options);
    store.readBodiesWith((body) => opened.log.readBody(body));
    let report = opened.report;
    if (opened.rewrite) {
      try {
        if (isDamaged(report)) report = { ...report, keptAsideAt: await opened.log.keepCopy() };
        await opened.log.compact(store.snapshotRecords());
      } catch (error) {
        await opened.log.close().catch(() => undefined);
        throw StoreOpenError.of(opened.log.path, error);
      }
    }
    const warning = describeLoad(report);
    if (warning !== undefined) options.log.warn(warning);
    return new PersistedStore(store, opened.log, report, options.log);
  }

  /** The warning for a damaged store file, or undefined when it loaded whole. */
  get loadWarning(): string | undefined {
    return describeLoad(this.loaded);
  }

  /** How many changes were committed since the store was opened: other processes poll it to learn of new data. */
  get revision(): number {
    return this.changes;
  }

  /** Acknowledged bytes of the log not yet known to be on disk (0 for a store in memory only). */
  get unsyncedBytes(): number {
    return this.log?.unsyncedBytes ?? 0;
  }

  /** Fires after each committed change, once it is in the file: the change stream and the editor's own server follow it. */
  readonly onDidCommit = (listener: (change: StoreChange) => void): Unsubscribe => this.committed.subscribe(listener);

  /**
   * Writes the records of a change that was already applied; resolves once they are in the file (a killed process
   * loses nothing; the sync to disk may lag within its bound, see BackgroundSync). `releasesChanged`
   * says the change made a release known that its records do not name as one (an event's new release).
   */
  async commit(records: readonly StoreRecord[], { releasesChanged = false } = {}): Promise<void> {
    if (records.length === 0) return;
    const change = storeChangeOf(++this.changes, records, releasesChanged);
    if (this.log !== undefined) await this.log.append(records);
    this.committed.fire(change);
    if (this.log === undefined) return;
    if (this.compacting === undefined && this.needsCompaction(this.log)) {
      // The snapshot is taken now, in order with the appends queued before it; later appends queue after the rewrite.
      const log = this.log;
      this.compacting = log
        .compact(this.store.snapshotRecords())
        .catch((error: unknown) => {
          // The old file is whole and stays in use: nothing is lost, the file only stays larger for a while.
          this.noRewriteBelow = log.lineCount + RETRY_AFTER_LINES;
          this.logger.warn(
            `local store: could not rewrite ${log.path} to its current records (${error instanceof Error ? error.message : String(error)}); ` +
              'it keeps growing until a later try succeeds. Check the disk has room and nothing else holds the file.',
          );
        })
        .finally(() => (this.compacting = undefined));
    }
  }

  private needsCompaction(log: StoreLog): boolean {
    if (log.lineCount < this.noRewriteBelow) return false;
    return (
      log.lineCount > 2 * this.store.liveRecordCount + COMPACTION_SLACK ||
      log.bytesSinceRewrite > Math.max(this.store.eventChars / 2, COMPACTION_SLACK_BYTES)
    );
  }

  async close(): Promise<void> {
    await this.compacting;
    await this.log?.close();
  }
}
