// The store's file: an append-only JSON-lines log, compacted by an atomic rewrite (temp file, then rename). A torn last
// line (a crash mid-write) is cut off on open and corrupt lines are skipped, so a crash loses at most the record being
// written. Writes run one at a time, in the order they were asked for.
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../../log';
import { storeRecordSchema, type StoreRecord } from './storeRecords';

export const STORE_FILE = 'local-sentry.jsonl';

export interface LoadSummary {
  readonly records: number;
  readonly skippedLines: number;
  /** Bytes of a torn last line that were cut off. */
  readonly tornBytes: number;
}

export class StoreLog {
  private queue: Promise<void> = Promise.resolve();
  private linesWritten = 0;

  private constructor(
    private readonly path: string,
    private handle: FileHandle,
    private readonly log: Logger,
    linesOnOpen: number,
  ) {
    this.linesWritten = linesOnOpen;
  }

  /** Opens (creating) the log in `directory`, handing every valid record to `onRecord` in order. */
  static async open(directory: string, onRecord: (record: StoreRecord) => void, log: Logger): Promise<{ log: StoreLog; summary: LoadSummary }> {
    await mkdir(directory, { recursive: true });
    const path = join(directory, STORE_FILE);
    const summary = await replay(path, onRecord, log);
    const handle = await open(path, 'a');
    return { log: new StoreLog(path, handle, log, summary.records + summary.skippedLines), summary };
  }

  /** Lines in the file, valid or not: how much compaction would save is judged from it. */
  get lineCount(): number {
    return this.linesWritten;
  }

  append(records: readonly StoreRecord[]): Promise<void> {
    if (records.length === 0) return this.queue;
    const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
    return this.enqueue(async () => {
      await this.handle.write(text);
      this.linesWritten += records.length;
    });
  }

  /** Replaces the file with exactly these records, atomically: a crash leaves either the old file or the new one. */
  compact(records: readonly StoreRecord[]): Promise<void> {
    return this.enqueue(async () => {
      const temporary = `${this.path}.tmp`;
      const out = await open(temporary, 'w');
      try {
        for (let start = 0; start < records.length; start += 500) {
          await out.write(records.slice(start, start + 500).map((record) => `${JSON.stringify(record)}\n`).join(''));
        }
        await out.sync();
      } finally {
        await out.close();
      }
      await this.handle.close();
      await rename(temporary, this.path);
      this.handle = await open(this.path, 'a');
      this.linesWritten = records.length;
      this.log.debug(`local store: compacted to ${records.length} records`);
    });
  }

  /** Waits for pending writes, then closes the file. */
  close(): Promise<void> {
    return this.enqueue(() => this.handle.close());
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    // A failed write must not stop later ones; its caller sees the failure.
    this.queue = next.catch((error: unknown) => this.log.error(`local store: write failed: ${String(error)}`));
    return next;
  }
}

async function replay(path: string, onRecord: (record: StoreRecord) => void, log: Logger): Promise<LoadSummary> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return { records: 0, skippedLines: 0, tornBytes: 0 };
  }
  let records = 0;
  let skippedLines = 0;
  let completeBytes = 0;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const bytes = Buffer.byteLength(line) + 1;
    // The last line without its newline is a torn write: cut off below, not applied.
    if (completeBytes + bytes > size) break;
    completeBytes += bytes;
    if (line.trim() === '') continue;
    const record = parseRecord(line);
    if (record === undefined) {
      skippedLines++;
      continue;
    }
    onRecord(record);
    records++;
  }
  const tornBytes = size - completeBytes;
  if (tornBytes > 0) {
    await truncate(path, completeBytes);
    log.warn(`local store: cut off ${tornBytes} bytes of a torn last record in ${path}`);
  }
  if (skippedLines > 0) log.warn(`local store: skipped ${skippedLines} corrupt lines in ${path}`);
  return { records, skippedLines, tornBytes };
}

function parseRecord(line: string): StoreRecord | undefined {
  try {
    const parsed = storeRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
