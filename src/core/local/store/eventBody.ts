// An event's Web API body is kept as the JSON text it was serialized to once, at ingest, and only until the log holds
// it: from then on the store keeps where it is in the file and reads it back when an event itself is asked for (rare
// next to ingest). Memory then holds what lists and searches need, not the bodies, and a load does not decode them.
import { createHash } from 'node:crypto';

/** Where the log holds a body: its first byte and its length, in the file as of one rewrite (`generation`). */
export interface BodyPlace {
  readonly offset: number;
  readonly bytes: number;
  /** How many times the log had been rewritten when the body was put there: 0 for the file as opened. */
  readonly generation: number;
}

export class StoredBody {
  private constructor(
    private text: string | undefined,
    private place: BodyPlace | undefined,
    /** UTF-8 bytes of the text: what `maxEventChars` counts. */
    readonly bytes: number,
    private checksum: string | undefined,
  ) {}

  /** A body given as its text (ingest, or a log line read whole). */
  static ofText(json: string): StoredBody {
    return new StoredBody(json, undefined, Buffer.byteLength(json), undefined);
  }

  /** A body the log holds at `place`, whose bytes were checked against `checksum` when read. */
  static inLog(place: BodyPlace, checksum: string): StoredBody {
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

  /** The SHA-1 of the body's bytes (base64), computed once: it tells a body changed on disk from the one written. */
  get sha1(): string {
    if (this.checksum === undefined) this.checksum = checksumOf(this.text ?? '');
    return this.checksum;
  }

  /** The log now holds the body at `place` (written, or moved by a rewrite): memory lets the text go. */
  settle(place: BodyPlace): void {
    this.place = place;
    this.text = undefined;
  }
}

/** Tells bytes changed on disk from those written; not a security measure. */
export function checksumOf(body: string | Buffer): string {
  return createHash('sha1').update(body).digest('base64');
}

/** The body's fields. The text was checked to be a JSON object when it was stored or read back from the log. */
export function bodyFields(bodyJson: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(bodyJson);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('local store: an event body is not a JSON object');
  return parsed as Record<string, unknown>;
}
