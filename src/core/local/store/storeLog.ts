// The store's file: an append-only JSON-lines log of numbered records, compacted by an atomic rewrite (temp file, then
// rename). Appends are grouped, and each group is written to the file before its callers hear back, so an acknowledged
// event survives a crash of the process; the file is synced to disk in the background (BackgroundSync), with a bound on
// how far the sync may lag, so that an OS crash can lose at most that much. Writes, and the reads of event bodies, run
// one at a time in the order they were asked for, so that no rewrite moves a body while it is read.
import {
  copyFile,
  mkdir,
  open,
  readFile,
  rename,
  rm,
  stat,
  truncate,
  unlink,
  writeFile,
  type FileHandle,
} from 'node:fs/promises';
import { writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../log';
import { BackgroundSync, defaultSyncLag, type SyncLag } from './backgroundSync';
import { emptyLoadReport, type LoadReport } from './loadReport';
import { replayLog, type CloseMark } from './logReplay';
import { StoreOpenError } from './storeOpenError';
import { checksumMatches, type BodyPlace, type StoredBody } from './eventBody';
import { LineBuffer, type PlacedBody } from './lineBuffer';
import { writeRewrite, type RewrittenLog } from './logRewrite';
import { EventGoneError, StoreReadError } from './storeReadError';
import type { StoreRecord } from './storeRecords';

export const STORE_FILE = 'local-sentry.jsonl';
/** Written on a clean close, read and removed on open: tells a file cut short from one that never had more. */
export const CLOSE_MARK_FILE = 'local-sentry.closed.json';

const closeMarkSchema = z.object({ bytes: z.number().int().nonnegative(), seq: z.number().int().nonnegative() });

interface Batch {
  readonly records: StoreRecord[];
  written: Promise<void>;
}

export interface StoreLogOptions {
  /** How far the sync to disk may lag behind acknowledged writes; a `maxLagBytes` of 0 acknowledges only synced ones. */
  readonly syncLag?: SyncLag;
}

export interface OpenedLog {
  readonly log: StoreLog;
  readonly report: LoadReport;
  /** The file must be rewritten from the loaded state: PersistedStore does it once the records are applied. */
  readonly rewrite: boolean;
}

export class StoreLog {
  private queue: Promise<void> = Promise.resolve();
  private openBatch: Batch | undefined;
  /** The file's size when it was opened or last rewritten. */
  private rewrittenBytes: number;
  private readonly sync: BackgroundSync;
  /** Rewrites since the file was opened: a body's place is only good in the file of its own generation. */
  private generation = 0;

  private constructor(
    readonly path: string,
    private handle: FileHandle,
    private readonly log: Logger,
    private linesWritten: number,
    private nextSeq: number,
    private fileBytes: number,
    syncLag: SyncLag,
  ) {
    this.rewrittenBytes = fileBytes;
    this.sync = new BackgroundSync(() => this.handle, syncLag, log);
  }

  /** Opens (creating) the log in `directory`, handing every readable record to `onRecord` in order. */
  static async open(
    directory: string,
    onRecord: (record: StoreRecord) => void,
    log: Logger,
    options: StoreLogOptions = {},
  ): Promise<OpenedLog> {
    const path = join(directory, STORE_FILE);
    try {
      await mkdir(directory, { recursive: true });
      const mark = await takeCloseMark(join(directory, CLOSE_MARK_FILE));
      // A missing file is a new store (or one the user deleted on purpose): nothing to replay or report.
      const size = await fileSize(path);
      const replayed =
        size === undefined
          ? { report: emptyLoadReport(path), lastSeq: 0, completeBytes: 0, rewrite: false }
          : await replayLog(path, size, mark, onRecord);
      const { report } = replayed;
      if (!replayed.rewrite && report.tornBytes > 0) {
        await truncate(path, replayed.completeBytes);
        log.info(
          `local store: cut off ${report.tornBytes} bytes of a record that was being written when the store last stopped (it had not been acknowledged)`,
        );
      }
      const handle = await open(path, 'a+');
      const lines = report.records + report.damaged.reduce((sum, range) => sum + range.lines, 0);
      return {
        log: new StoreLog(
          path,
          handle,
          log,
          lines,
          replayed.lastSeq + 1,
          (size ?? 0) - report.tornBytes,
          options.syncLag ?? defaultSyncLag,
        ),
        report,
        rewrite: replayed.rewrite,
      };
    } catch (error) {
      throw StoreOpenError.of(path, error);
    }
  }

  /** Lines in the file, valid or not: how much compaction would save is judged from it. */
  get lineCount(): number {
    return this.linesWritten;
  }

  /** Bytes appended since the file was opened or last rewritten: the other measure compaction is judged by. */
  get bytesSinceRewrite(): number {
    return this.fileBytes - this.rewrittenBytes;
  }

  /** Acknowledged bytes not yet known to be on disk (at most the sync's bound, unless a sync failed). */
  get unsyncedBytes(): number {
    return this.sync.lagBytes;
  }

  /**
   * Appends the records; resolves once they, and the others grouped with them, are in the file (the kernel has them)
   * and the sync to disk lags within its bound.
   */
  append(records: readonly StoreRecord[]): Promise<void> {
    if (records.length === 0) return this.openBatch?.written ?? this.queue;
    let batch = this.openBatch;
    if (batch === undefined) {
      const created: Batch = { records: [], written: Promise.resolve() };
      created.written = this.enqueue(async () => {
        // Its place in the queue is kept, but the batch stays open to the end of this turn of the event loop: the
        // requests that arrived together (several a turn under load) then share one write instead of one each.
        await endOfTurn();
        return this.writeBatch(created);
      });
      this.openBatch = batch = created;
    }
    batch.records.push(...records);
    return batch.written;
  }

  /**
   * A body's text, read back from where the file holds it and checked against the checksum written with it. Where it
   * is is looked up when the read's turn comes, not before: a rewrite queued ahead of it moves the body.
   */
  readBody(body: StoredBody): Promise<string> {
    return this.enqueue(async () => {
      const place = body.placeInLog;
      if (place === undefined) return body.heldText ?? '';
      // Only bodies of events the store still keeps are moved by a rewrite: this one's event was let go meanwhile.
      if (place.generation !== this.generation) throw new EventGoneError();
      const bytes = await this.readBytes(place);
      if (body.checksum === undefined || !checksumMatches(body.checksum, bytes))
        throw new StoreReadError(this.path, place);
      return bytes.toString('utf8');
    }, 'read');
  }

  /** Copies the file beside itself before a rewrite drops what could not be read; returns the copy's path. */
  async keepCopy(): Promise<string> {
    const copy = `${this.path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await copyFile(this.path, copy);
    return copy;
  }

  /** Replaces the file with exactly these records, atomically: a crash leaves either the old file or the new one. */
  compact(records: readonly StoreRecord[]): Promise<void> {
    // Records appended from now on are not in `records`: they go in a batch written after the rewrite.
    this.openBatch = undefined;
    return this.enqueue(async () => {
      const temporary = `${this.path}.tmp`;
      const out = await open(temporary, 'w');
      let rewritten: RewrittenLog;
      try {
        rewritten = await writeRewrite(out, records, this.handle, this.path);
        await out.sync();
      } catch (error) {
        // A full disk, say: the old file is untouched and stays in use; the half-written copy goes.
        await out.close().catch(() => undefined);
        await rm(temporary, { force: true }).catch(() => undefined);
        throw error;
      }
      await out.close();
      // The old file is synced before it is closed: a sync must not run on a handle that is gone.
      await this.sync.settled();
      await this.handle.close();
      let replaced = false;
      try {
        await rename(temporary, this.path);
        replaced = true;
        await syncFolder(dirname(this.path));
      } finally {
        // A rename that failed (a file lock on Windows, say) leaves the old file, complete: appends go on there.
        this.handle = await open(this.path, 'a+');
        if (!replaced) await rm(temporary, { force: true }).catch(() => undefined);
      }
      this.generation += 1;
      for (const { body, offset, bytes, checksum } of rewritten.moves)
        body.settle({ offset, bytes, generation: this.generation }, checksum);
      this.linesWritten = records.length;
      this.nextSeq = records.length + 1;
      this.fileBytes = this.rewrittenBytes = rewritten.bytes;
      this.log.debug(`local store: compacted to ${records.length} records`);
    });
  }

  /** Waits for pending writes and their sync, closes the file and marks the close as clean. */
  close(): Promise<void> {
    this.openBatch = undefined;
    return this.enqueue(async () => {
      try {
        await this.sync.settled();
      } finally {
        await this.handle.close();
      }
      const mark: CloseMark = { bytes: this.fileBytes, seq: this.nextSeq - 1 };
      await writeFile(join(dirname(this.path), CLOSE_MARK_FILE), JSON.stringify(mark));
    });
  }

  private async writeBatch(batch: Batch): Promise<void> {
    if (this.openBatch === batch) this.openBatch = undefined;
    const lines = new LineBuffer(LineBuffer.capacityFor(batch.records));
    const placed: PlacedBody[] = [];
    for (const [index, record] of batch.records.entries()) {
      const body = lines.add(this.nextSeq + index, record);
      if (body !== undefined) placed.push(body);
    }
    try {
      appendNow(this.handle, lines.bytes);
    } catch (error) {
      // A partial line would glue itself to the next record: cut the file back to its last complete record.
      await this.handle.truncate(this.fileBytes).catch(() => undefined);
      throw error;
    }
    this.nextSeq += batch.records.length;
    this.linesWritten += batch.records.length;
    for (const { body, at, checksum } of placed)
      body.settle({ offset: this.fileBytes + at, bytes: body.bytes, generation: this.generation }, checksum);
    this.fileBytes += lines.length;
    await this.sync.wrote(lines.length);
  }

  /** Reads `place` from the file as it is now: only from work in the queue, so that no rewrite moves it meanwhile. */
  private async readBytes(place: BodyPlace): Promise<Buffer> {
    const buffer = Buffer.alloc(place.bytes);
    const { bytesRead } = await this.handle.read(buffer, 0, place.bytes, place.offset);
    if (bytesRead !== place.bytes) throw new StoreReadError(this.path, place);
    return buffer;
  }

  private enqueue<T>(work: () => Promise<T>, what: 'write' | 'read' = 'write'): Promise<T> {
    const next = this.queue.then(work);
    // A failed write or read must not stop later ones; its caller sees the failure.
    this.queue = next.then(
      () => undefined,
      (error: unknown) => this.log.error(`local store: ${what} failed: ${String(error)}`),
    );
    return next;
  }
}

function endOfTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Appends `bytes` with write() on this thread: a batch of a few kilobytes goes to the kernel's cache in microseconds,
 * while handing it to libuv's thread pool cost two thread switches per batch, about a tenth of the server's CPU on
 * small events.
 */
function appendNow(handle: FileHandle, bytes: Buffer): void {
  for (let at = 0; at < bytes.length;) at += writeSync(handle.fd, bytes, at, bytes.length - at);
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function takeCloseMark(path: string): Promise<CloseMark | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  // Removed now, so that a crash before the next clean close leaves no stale mark behind.
  await unlink(path);
  try {
    const parsed = closeMarkSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Makes a rename durable; not every platform can sync a folder, and then the rename is as durable as it gets. */
async function syncFolder(path: string): Promise<void> {
  try {
    const folder = await open(path, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Windows cannot open a folder for syncing.
  }
}
