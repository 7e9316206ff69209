// Replays the store's log: hands each readable record on in order and accounts for everything else by byte offset and
// by the records' sequence numbers, so that a damaged file is reported exactly and no readable record is dropped.
import type { DamagedRange, DamageKind, LoadReport } from './loadReport';
import { logLines, type LogLine } from './logLines';
import type { StoreRecord } from './storeRecords';
import { readRecordLine } from './storeLines';

/** A record line is far smaller (stored values are trimmed); a longer line is damage and is not held in memory. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** What the last clean close recorded: the file's size and the last sequence number written. */
export interface CloseMark {
  readonly bytes: number;
  readonly seq: number;
}

export interface ReplayResult {
  readonly report: LoadReport;
  /** The last sequence number read; writing continues after it. */
  readonly lastSeq: number;
  /** Offset just past the last complete line: where an unfinished record is cut off. */
  readonly completeBytes: number;
  /** The file must be rewritten from the loaded state (damage, records without numbers, a last line without newline). */
  readonly rewrite: boolean;
}

export async function replayLog(
  path: string,
  size: number,
  mark: CloseMark | undefined,
  onRecord: (record: StoreRecord) => void,
): Promise<ReplayResult> {
  const damaged: DamagedRange[] = [];
  let records = 0;
  let repairedRecords = 0;
  let lostRecords = 0;
  let unnumbered = false;
  let lastSeq = 0;
  let completeBytes = 0;
  let tornBytes = 0;
  let unterminatedRecord = false;
  const noteDamage = (line: LogLine, kind: DamageKind): void => {
    const end = line.offset + line.length + (line.terminated ? 1 : 0);
    const last = damaged[damaged.length - 1];
    if (last !== undefined && last.end === line.offset) {
      damaged[damaged.length - 1] = {
        start: last.start,
        end,
        lines: last.lines + 1,
        kinds: last.kinds.includes(kind) ? last.kinds : [...last.kinds, kind],
      };
    } else damaged.push({ start: line.offset, end, lines: 1, kinds: [kind] });
  };
  for await (const line of logLines(path, MAX_RECORD_BYTES)) {
    const read = readLine(line);
    if (!line.terminated && typeof read === 'object' && 'damage' in read && looksTorn(line)) {
      tornBytes = line.length;
      break;
    }
    if (line.terminated) completeBytes = line.offset + line.length + 1;
    if (read === 'blank') continue;
    if ('damage' in read) {
      noteDamage(line, read.damage);
      continue;
    }
    if (!line.terminated) unterminatedRecord = true;
    if (read.seq === undefined) unnumbered = true;
    else {
      if (read.seq > lastSeq + 1) lostRecords += read.seq - lastSeq - 1;
      lastSeq = Math.max(lastSeq, read.seq);
    }
    if (read.repaired) repairedRecords++;
    onRecord(read.record);
    records++;
  }
  if (unnumbered) lostRecords += damaged.reduce((sum, range) => sum + range.lines, 0);
  let shortenedBy = 0;
  if (mark !== undefined) {
    if (mark.seq > lastSeq) lostRecords += mark.seq - lastSeq;
    if (mark.bytes > size) shortenedBy = mark.bytes - size;
  }
  const report: LoadReport = { path, records, damaged, lostRecords, repairedRecords, tornBytes, shortenedBy };
  const rewrite = damaged.length > 0 || lostRecords > 0 || repairedRecords > 0 || unnumbered || unterminatedRecord;
  return { report, lastSeq, completeBytes, rewrite };
}

function readLine(line: LogLine): ReturnType<typeof readRecordLine> {
  return line.bytes === undefined
    ? { damage: 'a line too long to be a record' }
    : readRecordLine(line.bytes, line.offset);
}

/** An unfinished last line as a crash mid-write leaves it: the start of a JSON record, with no zero bytes. */
function looksTorn(line: LogLine): boolean {
  return line.bytes !== undefined && line.bytes[0] === 0x7b && !line.bytes.includes(0);
}
