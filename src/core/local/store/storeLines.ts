// One record as one line of the log, and back. An event's body is written as a field of its own, with its UTF-8 length
// and a checksum in front of it, so that a load checks the body's bytes without decoding or parsing them and leaves
// them in the file (the store reads a body back when its event is asked for), parsing only the small rest of the
// line; a line that fails the check is read the slow way, whole, as logs written before.
import { TextDecoder } from 'node:util';
import { checksumMatches, StoredBody, type BodyChecksum } from './eventBody';
import type { DamageKind } from './loadReport';
import {
  bodilessRecordSchema,
  bodyObjectSchema,
  eventRecordSchema,
  type BodilessRecord,
  type EventRecord,
  type EventRecordJson,
  type StoreRecord,
} from './storeRecords';

export type ReadLine =
  { record: StoreRecord; seq: number | undefined; repaired: boolean } | { damage: DamageKind } | 'blank';

/** `{"seq":N,…record…}\n` for a record without a body: the number lets a load count exactly which records it lost. */
export function bodilessLine(seq: number, record: BodilessRecord): string {
  return `{"seq":${seq},${JSON.stringify(record).slice(1)}\n`;
}

/**
 * An event line up to its body: the body is a field of its own, after its length in bytes and its checksum, so that a
 * load checks it without decoding or parsing it. Only ASCII: its length in characters is its length in bytes.
 */
export function eventLineHead(seq: number, record: EventRecord, checksum: BodyChecksum): string {
  const field = checksum.kind === 'sha1' ? 'bodySha1' : 'bodyCrc32';
  return `{"seq":${seq},"kind":"${record.kind}","bodyBytes":${record.event.body.bytes},"${field}":"${checksum.value}","body":`;
}

/** An event line after its body: the event's other fields, and for a new event what grouping decided. */
export function eventLineTail(record: EventRecord): string {
  const { body: _body, ...meta } = record.event;
  const rest = JSON.stringify(record.kind === 'event' ? { event: meta, facts: record.facts } : { event: meta });
  return `,${rest.slice(1)}\n`;
}

/** What the line at `offset` holds: a record, damage of some kind, or nothing. */
export function readRecordLine(bytes: Buffer, offset: number): ReadLine {
  const fast = readEventLine(bytes, offset);
  if (fast !== undefined && fast !== 'altered') return fast;
  const read = readWholeLine(bytes);
  // A line that fails its checksum but still reads whole was changed after it was written: kept, and said so.
  return fast === 'altered' && typeof read === 'object' && 'record' in read ? { ...read, repaired: true } : read;
}

const EVENT_HEAD =
  /^\{"seq":(\d{1,15}),"kind":"(event|kept)","bodyBytes":(\d{1,12}),"body(?:Sha1":"([A-Za-z0-9+/=]{28})|Crc32":"([0-9a-f]{8}))","body":/;
const COMMA = 0x2c;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** An event line as this version writes it, its body checked but left in the file; undefined for any other line. */
function readEventLine(bytes: Buffer, offset: number): ReadLine | 'altered' | undefined {
  const head = EVENT_HEAD.exec(bytes.toString('latin1', 0, 160));
  if (head === null) return undefined;
  const [prefix, seq, kind, bodyBytes, sha1, crc32] = head;
  const checksum: BodyChecksum =
    sha1 === undefined ? { kind: 'crc32', value: crc32 ?? '' } : { kind: 'sha1', value: sha1 };
  const start = prefix.length;
  const end = start + Number(bodyBytes);
  if (end >= bytes.length || bytes[end] !== COMMA) return 'altered';
  const body = bytes.subarray(start, end);
  if (!checksumMatches(checksum, body)) return 'altered';
  let rest: EventRecordJson;
  try {
    const parsed = eventRecordSchema.safeParse(
      JSON.parse(`{"kind":"${kind}",${strictUtf8.decode(bytes.subarray(end + 1))}`),
    );
    if (!parsed.success) return 'altered';
    rest = parsed.data;
  } catch {
    return 'altered';
  }
  const record = withBody(
    rest,
    StoredBody.inLog({ offset: offset + start, bytes: body.length, generation: 0 }, checksum),
  );
  return { record, seq: Number(seq), repaired: false };
}

/** Any line, parsed whole: records without a body, event lines that failed the quick read, logs of older versions. */
function readWholeLine(bytes: Buffer): ReadLine {
  if (bytes.every((byte) => byte === 0)) return bytes.length === 0 ? 'blank' : { damage: 'zero bytes' };
  let text: string;
  let repaired = false;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = lenientUtf8.decode(bytes);
    repaired = true;
  }
  if (text.trim() === '') return 'blank';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { damage: repaired ? 'not UTF-8 text' : 'not JSON' };
  }
  const record = recordOf(json);
  if (record === undefined) return { damage: 'not a store record' };
  const seq = (json as { seq?: unknown }).seq;
  return { record, seq: typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0 ? seq : undefined, repaired };
}

function recordOf(json: unknown): StoreRecord | undefined {
  const kind = (json as { kind?: unknown } | null)?.kind;
  if (kind !== 'event' && kind !== 'kept') {
    const parsed = bodilessRecordSchema.safeParse(json);
    return parsed.success ? parsed.data : undefined;
  }
  const parsed = eventRecordSchema.safeParse(json);
  if (!parsed.success) return undefined;
  // Logs written before the body was a field of its own kept it inside the event.
  const line = json as { body?: unknown; event: { body?: unknown } };
  const body = bodyObjectSchema.safeParse(line.body ?? line.event.body);
  return body.success ? withBody(parsed.data, StoredBody.ofText(JSON.stringify(body.data))) : undefined;
}

function withBody(rest: EventRecordJson, body: StoredBody): StoreRecord {
  const event = { ...rest.event, body };
  return rest.kind === 'event' ? { kind: 'event', event, facts: rest.facts } : { kind: 'kept', event };
}
