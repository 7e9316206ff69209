// An event's Web API body is kept as the JSON text it was serialized to once, at ingest, and only until the log holds
// it: from then on the store keeps where it is in the file and reads it back when an event itself is asked for (rare
// next to ingest). Memory then holds what lists and searches need, not the bodies, and a load does not decode them.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** Where the log holds a body: its first byte and its length, in the file as of one rewrite (`generation`). */
export interface BodyPlace {
  readonly offset: number;
  readonly bytes: number;
  /** How many times the log had been rewritten when the body was put there: 0 for the file as opened. */
  readonly generation: number;
}

/**
 * How a log line checks its body's bytes, named by the line's field: `bodyCrc32` in lines written now (it tells a body
 * changed on disk from the one written as well, at a third of SHA-1's cost per event), `bodySha1` in lines of logs
 * written before, which still open and keep their SHA-1 through rewrites. Neither is a security measure: the file is
 * the user's own.
 */
export type ChecksumKind = 'sha1' | 'crc32';

export interface BodyChecksum {
  readonly kind: ChecksumKind;
  /** SHA-1: base64, 28 characters; CRC-32: 8 lowercase hex digits. */
  readonly value: string;
}

/** What new lines are checked by. */
export const WRITTEN_CHECKSUM: ChecksumKind = 'crc32';

export class StoredBody {
  private constructor(
    private text: string | undefined,
    private place: BodyPlace | undefined,
    /** UTF-8 bytes of the text: what `maxEventChars` counts. */
    readonly bytes: number,
    private check: BodyChecksum | undefined,
  ) {}

  /** A body given as its text (ingest, or a log line read whole). */
  static ofText(json: string): StoredBody {
    return new StoredBody(json, undefined, Buffer.byteLength(json), undefined);
  }

  /** A body the log holds at `place`, whose bytes were checked against `checksum` when read. */
  static inLog(place: BodyPlace, checksum: BodyChecksum): StoredBody {
    return new StoredBody(undefined, place, place.bytes, checksum);
  }

  /** The text while memory still holds it; undefined once only the log does. */
  get heldText(): string | undefined {
    return this.text;
  }

  /** Where the log holds it, once it does. */
  get placeInLog(): BodyPlace | undefined {
    return this.place;
  }

  /** The checksum the log's line carries for it, once the log holds it: a rewrite copies it with the bytes. */
  get checksum(): BodyChecksum | undefined {
    return this.check;
  }

  /** The log now holds the body at `place`, checked by `checksum` (written, or moved by a rewrite): the text goes. */
  settle(place: BodyPlace, checksum: BodyChecksum): void {
    this.place = place;
    this.check = checksum;
    this.text = undefined;
  }
}

export function checksumOf(bytes: Uint8Array, kind: ChecksumKind = WRITTEN_CHECKSUM): BodyChecksum {
  const value =
    kind === 'sha1' ? createHash('sha1').update(bytes).digest('base64') : crc32(bytes).toString(16).padStart(8, '0');
  return { kind, value };
}

/** True when `bytes` are the bytes `checksum` was taken of. */
export function checksumMatches(checksum: BodyChecksum, bytes: Uint8Array): boolean {
  return checksumOf(bytes, checksum.kind).value === checksum.value;
}

/** The body's fields. The text was checked to be a JSON object when it was stored or read back from the log. */
export function bodyFields(bodyJson: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(bodyJson);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('local store: an event body is not a JSON object');
  return parsed as Record<string, unknown>;
}
