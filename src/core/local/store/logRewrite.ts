// Writes the records of a rewrite of the log to a new file. Each kept body the old file holds is copied from it as
// bytes, never decoded and encoded again: at the store's cap a rewrite copies about 64 MB of bodies, which as text cost
// about half a second of the server's CPU each time (decoding, joining, encoding) and as bytes a few milliseconds.
import type { FileHandle } from 'node:fs/promises';
import type { BodyChecksum, BodyPlace, StoredBody } from './eventBody';
import { LineBuffer } from './lineBuffer';
import { bytesOfPlaces } from './logReadAhead';
import { StoreReadError } from './storeReadError';
import { isEventRecord, type StoreRecord } from './storeRecords';

/** The new file is written in pieces of about this size: the whole of it at once would hold every body in memory. */
const PIECE_BYTES = 1 << 20;

/** Where a body will be in the new file (the caller gives it its generation), and what its line checks it by. */
export interface BodyMove {
  readonly body: StoredBody;
  readonly offset: number;
  readonly bytes: number;
  readonly checksum: BodyChecksum;
}

export interface RewrittenLog {
  /** Bytes of the new file. */
  readonly bytes: number;
  readonly moves: readonly BodyMove[];
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
  const piece = new LineBuffer(PIECE_BYTES + (64 << 10));
  let flushed = 0;
  const moves: BodyMove[] = [];
  for (const [index, record] of records.entries()) {
    const place = copiedPlaceOf(record);
    let bytes: Buffer | undefined;
    if (place !== undefined) {
      bytes = (await copied.next()).value ?? undefined;
      if (bytes?.length !== place.bytes) throw new StoreReadError(path, place);
    }
    const placed = piece.add(index + 1, record, bytes);
    if (placed !== undefined)
      moves.push({
        body: placed.body,
        offset: flushed + placed.at,
        bytes: placed.body.bytes,
        checksum: placed.checksum,
      });
    if (piece.length >= PIECE_BYTES) flushed += await writeAll(out, piece);
  }
  flushed += await writeAll(out, piece);
  return { bytes: flushed, moves };
}

/** Where the old file holds the record's body, when it is copied from there (memory no longer holds its text). */
function copiedPlaceOf(record: StoreRecord): BodyPlace | undefined {
  if (!isEventRecord(record)) return undefined;
  const body = record.event.body;
  return body.heldText === undefined ? body.placeInLog : undefined;
}

/** Writes what the buffer holds and empties it; returns how many bytes that was. */
async function writeAll(out: Pick<FileHandle, 'write'>, lines: LineBuffer): Promise<number> {
  const bytes = lines.bytes;
  for (let at = 0; at < bytes.length;) at += (await out.write(bytes, at, bytes.length - at)).bytesWritten;
  lines.clear();
  return bytes.length;
}
