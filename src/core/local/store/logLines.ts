// Splits the store's log into lines by its bytes, never by decoded text: offsets stay exact whatever the file holds
// (bytes that are not UTF-8, zeros), so the store can cut and rewrite it at true line boundaries.
import { createReadStream } from 'node:fs';

export interface LogLine {
  /** Byte offset of the line's first byte in the file. */
  readonly offset: number;
  /** Bytes of the line without its newline. */
  readonly length: number;
  /** The line's bytes; undefined when the line is longer than the limit (it is then only measured, not kept). */
  readonly bytes: Buffer | undefined;
  /** False for the file's last bytes when no newline ends them. */
  readonly terminated: boolean;
}

const NEWLINE = 0x0a;

/** The lines of the file at `path`; a line longer than `maxLineBytes` is skipped over without being held in memory. */
export async function* logLines(path: string, maxLineBytes: number): AsyncGenerator<LogLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let offset = 0;
  let tooLong = false;
  const take = (terminated: boolean): LogLine => {
    // A line within one chunk is a view of it: copying every line cost a sixth of a load.
    const bytes = tooLong ? undefined : parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
    const line: LogLine = { offset, length, bytes, terminated };
    offset += length + (terminated ? 1 : 0);
    parts = [];
    length = 0;
    tooLong = false;
    return line;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0;
    while (start <= chunk.length) {
      const end = chunk.indexOf(NEWLINE, start);
      const piece = chunk.subarray(start, end === -1 ? chunk.length : end);
      length += piece.length;
      if (length > maxLineBytes) {
        tooLong = true;
        parts = [];
      } else if (piece.length > 0) parts.push(piece);
      if (end === -1) break;
      yield take(true);
      start = end + 1;
    }
  }
  if (length > 0) yield take(false);
}
