// Parses Sentry's envelope format: a JSON header line, then items of a JSON header line and a payload that is either
// `length` bytes long or runs to the next newline. Never throws: bad input is a 400, oversized input a 413.
import { err, ok, type Result } from '../../result';
import type { IngestLimits } from './ingestLimits';
import { malformed, tooLarge, type IngestRejection } from './ingestRejection';

export interface EnvelopeItem {
  readonly type: string;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly payload: Buffer;
}

export interface Envelope {
  readonly headers: Readonly<Record<string, unknown>>;
  readonly items: readonly EnvelopeItem[];
}

const NEWLINE = 0x0a;

/** Item types whose payload is an event JSON and therefore limited to `maxEventBytes`. */
export const EVENT_ITEM_TYPES: ReadonlySet<string> = new Set([
  'event',
  'transaction',
  'security',
  'raw_security',
  'nel',
]);

export function parseEnvelope(body: Buffer, limits: IngestLimits): Result<Envelope, IngestRejection> {
  const first = lineAt(body, 0);
  const headers = parseHeaderObject(first.line);
  if (headers === undefined) return err(malformed('invalid envelope: the first line is not a JSON object header'));
  const items: EnvelopeItem[] = [];
  let at = first.next;
  while (at < body.length) {
    const headerLine = lineAt(body, at);
    at = headerLine.next;
    // Blank lines between items (a trailing newline, CRLF leftovers) are tolerated, as Relay does at the end.
    if (isBlank(headerLine.line)) continue;
    const itemHeaders = parseHeaderObject(headerLine.line);
    if (itemHeaders === undefined)
      return err(malformed(`invalid envelope: item ${items.length + 1} has no JSON object header`));
    const type = itemHeaders['type'];
    if (typeof type !== 'string' || type === '')
      return err(malformed(`invalid envelope: item ${items.length + 1} has no type`));
    const payload = readPayload(body, at, itemHeaders['length']);
    if (!payload.ok) return err(malformed(`invalid envelope: item ${items.length + 1} (${type}): ${payload.error}`));
    at = payload.value.next;
    const limit = EVENT_ITEM_TYPES.has(type) ? limits.maxEventBytes : limits.maxItemBytes;
    if (payload.value.bytes.length > limit)
      return err(tooLarge(`envelope item ${type} is ${payload.value.bytes.length} bytes; the limit is ${limit}`));
    items.push({ type, headers: itemHeaders, payload: payload.value.bytes });
    if (items.length > limits.maxItems) return err(tooLarge(`envelope has more than ${limits.maxItems} items`));
  }
  return ok({ headers, items });
}

function lineAt(body: Buffer, start: number): { line: Buffer; next: number } {
  const end = body.indexOf(NEWLINE, start);
  if (end < 0) return { line: body.subarray(start), next: body.length };
  return { line: body.subarray(start, end), next: end + 1 };
}

function readPayload(body: Buffer, start: number, length: unknown): Result<{ bytes: Buffer; next: number }, string> {
  if (length === undefined || length === null) {
    const line = lineAt(body, start);
    return ok({ bytes: line.line, next: line.next });
  }
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0)
    return err('its length is not a non-negative integer');
  if (start + length > body.length) return err(`it declares ${length} bytes but only ${body.length - start} follow`);
  const next = start + length;
  // After a sized payload comes a newline or the end of the envelope.
  if (next < body.length && body[next] !== NEWLINE) return err('its payload is not followed by a newline');
  return ok({ bytes: body.subarray(start, next), next: next < body.length ? next + 1 : next });
}

function parseHeaderObject(line: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function isBlank(line: Buffer): boolean {
  return line.every((byte) => byte === 0x20 || byte === 0x0d || byte === 0x09);
}
