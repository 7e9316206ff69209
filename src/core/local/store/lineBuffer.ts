// Encodes records as the log's lines into one buffer, which the log writes with one call. An event's body is encoded
// once, straight into its place in the buffer, and its checksum taken over those bytes; the head in front of it is
// filled in after (its length does not depend on the checksum's value). A body that only the old file holds is copied
// in as the bytes read from there, with the checksum it had.
import { checksumOf, WRITTEN_CHECKSUM, type BodyChecksum, type StoredBody } from './eventBody';
import { bodilessLine, eventLineHead, eventLineTail } from './storeLines';
import { isEventRecord, type StoreRecord } from './storeRecords';

/** Where a line put its event's body in the buffer, and what the line checks it by. */
export interface PlacedBody {
  readonly body: StoredBody;
  readonly at: number;
  readonly checksum: BodyChecksum;
}

/** A checksum of each kind's length: the head is measured with it before the real one is known. */
const PLACEHOLDER: Readonly<Record<BodyChecksum['kind'], BodyChecksum>> = {
  sha1: { kind: 'sha1', value: 'A'.repeat(28) },
  crc32: { kind: 'crc32', value: '0'.repeat(8) },
};

export class LineBuffer {
  private buffer: Buffer;
  private used = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  /** About how many bytes the records' lines take: enough for most batches to need no second buffer. */
  static capacityFor(records: readonly StoreRecord[]): number {
    let bytes = 0;
    for (const record of records) bytes += 1_024 + (isEventRecord(record) ? record.event.body.bytes : 0);
    return bytes;
  }

  get length(): number {
    return this.used;
  }

  /** The lines added so far; good until the next add or clear. */
  get bytes(): Buffer {
    return this.buffer.subarray(0, this.used);
  }

  clear(): void {
    this.used = 0;
  }

  /**
   * Adds the record's line, numbered `seq`. An event's body comes from its text in memory, or as `copied`, the bytes
   * the log holds for it (a rewrite). Says where the body went.
   */
  add(seq: number, record: StoreRecord, copied?: Buffer): PlacedBody | undefined {
    if (!isEventRecord(record)) {
      this.text(bodilessLine(seq, record));
      return undefined;
    }
    const body = record.event.body;
    const tail = eventLineTail(record);
    const checksumKind = copied === undefined ? WRITTEN_CHECKSUM : (body.checksum?.kind ?? WRITTEN_CHECKSUM);
    const headBytes = eventLineHead(seq, record, PLACEHOLDER[checksumKind]).length;
    this.ensure(headBytes + body.bytes + Buffer.byteLength(tail));
    const start = this.used;
    const at = start + headBytes;
    let checksum: BodyChecksum;
    if (copied !== undefined) {
      if (copied.length !== body.bytes) throw new Error('local store: a body copied is not as long as it was written');
      copied.copy(this.buffer, at);
      checksum = body.checksum ?? checksumOf(copied);
    } else {
      const text = body.heldText;
      if (text === undefined) throw new Error('local store: an event body is neither in memory nor copied');
      if (this.buffer.write(text, at) !== body.bytes)
        throw new Error('local store: an event body did not encode to its own length');
      checksum = checksumOf(this.buffer.subarray(at, at + body.bytes), checksumKind);
    }
    this.buffer.write(eventLineHead(seq, record, checksum), start, 'latin1');
    this.used = at + body.bytes;
    this.text(tail);
    return { body, at, checksum };
  }

  private text(text: string): void {
    this.ensure(Buffer.byteLength(text));
    this.used += this.buffer.write(text, this.used);
  }

  private ensure(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.used + bytes, 2 * this.buffer.length));
    this.buffer.copy(grown, 0, 0, this.used);
    this.buffer = grown;
  }
}
