// Writes the records of a rewrite of the log to a new file. Each kept body the old file holds is copied from it as
// bytes, never decoded and encoded again: at the store's cap a rewrite copies about 64 MB of bodies, which as text cost
// about half a second of the server's CPU each time (decoding, joining, encoding) and as bytes a few milliseconds.
import type { FileHandle } from 'node:fs/promises';
import type { BodyPlace, StoredBody } from './eventBody';
import { bytesOfPlaces } from './logReadAhead';
import { lineParts } from './storeLines';
import { StoreReadError } from './storeReadError';
import type { StoreRecord } from './storeRecords';

/** The new file is written in pieces of about this size: the whole of it at once would hold every body in memory. */
const PIECE_BYTES = 1 << 20;

export interface RewrittenLog {
  /** Bytes of the new file. */
  readonly bytes: number;
  /** Where each body will be in the new file (offset and length; the caller gives them their generation). */
  readonly moves: ReadonlyArray<readonly [StoredBody, { readonly offset: number; readonly bytes: number }]>;
}

/**
 * Writes `records`, numbered from 1, to `out`; a body that only the old file holds is copied from `from` (`path` names
 * it in errors). The old file's bodies must stay where they are meanwhile.
 */
export async function writeRewrite(
  out: Pick<FileHandle, 'write'>,
  records: readonly StoreRecord[],
  from: Pick<FileHandle, 'read'>,
  path: string,
): Promise<RewrittenLog> {
  const places = records.flatMap((record) => {
    const place = copiedPlaceOf(record);
    return place === undefined ? [] : [place];
  });
  const copied = bytesOfPlaces(from, places);
  const output = new PieceWriter(out);
  const moves: Array<[StoredBody, { offset: number; bytes: number }]> = [];
  for (const [index, record] of records.entries()) {
    const { head, body, tail } = lineParts(index + 1, record);
    if (body === undefined) {
      await output.text(head);
      continue;
    }
    const place = copiedPlaceOf(record);
    const bytes = place === undefined ? heldBytesOf(body) : (await copied.next()).value;
    if (bytes === undefined || (place !== undefined && bytes.length !== place.bytes))
      throw new StoreReadError(path, place ?? { offset: 0, bytes: body.bytes });
    await output.text(head);
    moves.push([body, { offset: output.position, bytes: body.bytes }]);
    await output.bytes(bytes);
    await output.text(tail);
  }
  await output.flush();
  return { bytes: output.position, moves };
}

/** Where the old file holds the record's body, when it is copied from there (memory no longer holds its text). */
function copiedPlaceOf(record: StoreRecord): BodyPlace | undefined {
  if (record.kind !== 'event' && record.kind !== 'kept') return undefined;
  const body = record.event.body;
  return body.heldText === undefined ? body.placeInLog : undefined;
}

function heldBytesOf(body: StoredBody): Buffer {
  const text = body.heldText;
  if (text === undefined) throw new Error('local store: an event body is neither in memory nor in the log');
  return Buffer.from(text);
}

/** Gathers what is written into pieces of about PIECE_BYTES and writes each as one. */
class PieceWriter {
  private piece = Buffer.allocUnsafe(PIECE_BYTES);
  private used = 0;
  private flushed = 0;

  constructor(private readonly out: Pick<FileHandle, 'write'>) {}

  /** Bytes written so far, gathered or flushed: where the next ones go in the file. */
  get position(): number {
    return this.flushed + this.used;
  }

  async text(text: string): Promise<void> {
    await this.makeRoom(Buffer.byteLength(text));
    this.used += this.piece.write(text, this.used);
  }

  async bytes(bytes: Buffer): Promise<void> {
    await this.makeRoom(bytes.length);
    this.used += bytes.copy(this.piece, this.used);
  }

  async flush(): Promise<void> {
    for (let at = 0; at < this.used;) at += (await this.out.write(this.piece, at, this.used - at)).bytesWritten;
    this.flushed += this.used;
    this.used = 0;
  }

  private async makeRoom(bytes: number): Promise<void> {
    if (this.used + bytes <= this.piece.length) return;
    await this.flush();
    if (bytes > this.piece.length) this.piece = Buffer.allocUnsafe(bytes);
  }
}
