// The `entries` of a Web API event: exception (with rawStacktrace), message, stacktrace, threads, breadcrumbs,
// request and debugmeta, converted from the ingest payload as sentry-api-notes §4 describes.
import type { ApiFrame } from './apiFrame';
import { boundedJson, boundedObject } from './freeFormJson';
import type { IngestEvent, IngestException } from './ingestEventSchema';
import type { StoredJson, StoredStack } from './preparedStacks';
import type { StackSlots } from './stackSlots';

export interface ProcessedException {
  readonly raw: IngestException;
  readonly frames: ApiFrame[] | null;
  readonly rawFrames: ApiFrame[] | null;
  /** The stacks as stored, when kept ready (PreparedStacks): with `slots`, they go in as placeholders. */
  readonly stored?: StoredStack;
}

export interface EntryInputs {
  readonly event: IngestEvent;
  readonly exceptions: readonly ProcessedException[];
  readonly looseFrames: ApiFrame[] | null;
  readonly message: string | undefined;
  /** Where kept stacks go as placeholders, replaced once the body is trimmed and serialized; without it, in full. */
  readonly slots?: StackSlots;
}

type Entry = { type: string; data: unknown };

const MAX_BREADCRUMBS = 100;

export function apiEntriesOf(inputs: EntryInputs): Entry[] {
  const entries: Entry[] = [];
  if (inputs.exceptions.length > 0)
    entries.push({ type: 'exception', data: exceptionData(inputs.exceptions, inputs.slots) });
  if (inputs.looseFrames !== null) {
    const kind = inputs.event.stacktrace ? 'stacktrace' : 'threads';
    entries.push(
      kind === 'stacktrace'
        ? { type: 'stacktrace', data: stacktraceJson(inputs.looseFrames) }
        : { type: 'threads', data: threadsData(inputs.event, inputs.looseFrames) },
    );
  }
  if (inputs.message !== undefined) entries.push({ type: 'message', data: messageData(inputs.event, inputs.message) });
  const breadcrumbs =
    inputs.event.breadcrumbs
      ?.slice(-MAX_BREADCRUMBS)
      .map(breadcrumbJson)
      .filter((crumb) => crumb !== null) ?? [];
  if (breadcrumbs.length > 0) entries.push({ type: 'breadcrumbs', data: { values: breadcrumbs } });
  if (inputs.event.request) entries.push({ type: 'request', data: requestData(inputs.event.request) });
  const images = inputs.event.debug_meta?.images;
  if (images && images.length > 0)
    entries.push({ type: 'debugmeta', data: { images: boundedJson(images), sdk_info: null } });
  return entries;
}

function exceptionData(exceptions: readonly ProcessedException[], slots: StackSlots | undefined): unknown {
  const all = exceptions.flatMap((exception) => exception.frames ?? []);
  return {
    values: exceptions.map(({ raw, frames, rawFrames, stored }) => ({
      type: raw.type ?? null,
      value: raw.value ?? null,
      module: raw.module ?? null,
      threadId: raw.thread_id ?? null,
      mechanism: boundedObject(raw.mechanism),
      stacktrace: stackJsonOf(frames, slots, stored?.stacktrace),
      rawStacktrace: stackJsonOf(rawFrames, slots, stored?.rawStacktrace ?? undefined),
    })),
    excOmitted: null,
    hasSystemFrames: hasSystemFrames(all),
  };
}

/** A stack's JSON value, or the placeholder of its stored form when it is kept. */
function stackJsonOf(
  frames: readonly ApiFrame[] | null,
  slots: StackSlots | undefined,
  kept: StoredJson | undefined,
): unknown {
  if (frames === null) return null;
  return slots !== undefined && kept !== undefined ? slots.slot(kept.value, kept.text) : stacktraceJson(frames);
}

/** An exception's or a thread's `stacktrace` in the Web API's form. */
export function stacktraceJson(frames: readonly ApiFrame[]): unknown {
  return { frames, framesOmitted: null, registers: null, hasSystemFrames: hasSystemFrames(frames) };
}

/** Sentry's flag: the trace mixes in-app and system frames, so the UI offers to hide the system ones. */
function hasSystemFrames(frames: readonly ApiFrame[]): boolean {
  return frames.some((frame) => frame.inApp) && frames.some((frame) => !frame.inApp);
}

function threadsData(event: IngestEvent, crashedFrames: ApiFrame[]): unknown {
  const threads = event.threads ?? [];
  const crashed = threads.find((thread) => thread.crashed) ?? threads.find((thread) => thread.current);
  return {
    values: threads.slice(0, 50).map((thread) => ({
      id: thread.id ?? null,
      name: thread.name ?? null,
      crashed: thread.crashed ?? false,
      current: thread.current ?? false,
      stacktrace: thread === crashed ? stacktraceJson(crashedFrames) : null,
    })),
  };
}

function messageData(event: IngestEvent, formatted: string): unknown {
  const entry = event.logentry ?? (typeof event.message === 'object' ? event.message : undefined);
  return { formatted, message: entry?.message ?? null, params: boundedJson(entry?.params ?? []) };
}

const LEVELS = new Set(['fatal', 'error', 'warning', 'info', 'debug']);

function breadcrumbJson(raw: unknown): Record<string, unknown> | null {
  const crumb = boundedObject(raw);
  if (crumb === null) return null;
  const level = typeof crumb['level'] === 'string' && LEVELS.has(crumb['level']) ? crumb['level'] : 'info';
  return {
    type: typeof crumb['type'] === 'string' ? crumb['type'] : 'default',
    category: crumb['category'] ?? null,
    level,
    message: crumb['message'] ?? null,
    data: crumb['data'] ?? null,
    event_id: crumb['event_id'] ?? null,
    timestamp: isoTimestamp(crumb['timestamp']),
  };
}

function isoTimestamp(value: unknown): string | null {
  const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? new Date(ms).toISOString() : null;
}

function requestData(request: Record<string, unknown>): unknown {
  // Sentry lists headers sorted and moves the Cookie header into `cookies`.
  const allHeaders = pairsOf(request['headers']).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const cookieHeader = allHeaders.find(([key]) => key.toLowerCase() === 'cookie')?.[1];
  const headers = allHeaders.filter(([key]) => key.toLowerCase() !== 'cookie');
  const contentType = headers.find(([key]) => key.toLowerCase() === 'content-type')?.[1];
  const cookies = request['cookies'] ?? cookieHeader;
  return {
    url: typeof request['url'] === 'string' ? request['url'] : null,
    method: typeof request['method'] === 'string' ? request['method'] : null,
    query: queryPairs(request['query_string']),
    fragment: typeof request['fragment'] === 'string' ? request['fragment'] : '',
    data: boundedJson(request['data'] ?? null),
    headers,
    cookies: typeof cookies === 'string' ? cookiePairs(cookies) : pairsOf(cookies),
    env: boundedObject(request['env']),
    inferredContentType: contentType ?? null,
  };
}

/** An object or a list of pairs as `[[key, value], ...]` of strings. */
function pairsOf(value: unknown): Array<[string, string]> {
  const entries: unknown[][] = Array.isArray(value)
    ? value.filter(Array.isArray)
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  return entries
    .slice(0, 200)
    .flatMap(([key, item]) =>
      typeof key === 'string' && item !== undefined && item !== null
        ? [[key, pairValue(item)] as [string, string]]
        : [],
    );
}

/** A header, cookie or query value as text; a nested value (any depth) becomes the JSON of its first levels. */
function pairValue(item: unknown): string {
  if (typeof item === 'string') return item;
  if (typeof item !== 'object' || item === null) return String(item);
  return JSON.stringify(boundedJson(item, { maxDepth: 3, maxItems: 20, maxStringLength: 1024 }));
}

function queryPairs(value: unknown): Array<[string, string]> {
  if (typeof value !== 'string') return pairsOf(value);
  return [...new URLSearchParams(value.replace(/^\?/, '')).entries()].slice(0, 200);
}

function cookiePairs(header: string): Array<[string, string]> {
  return header
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .slice(0, 200)
    .map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    });
}

/** Puts kept stacks in place of their placeholders in the exception entry of trimmed `entries`; false unless all were. */
export function fillStackSlots(entries: unknown, slots: StackSlots): boolean {
  let filled = 0;
  for (const entry of Array.isArray(entries) ? (entries as unknown[]) : []) {
    const data = isRecord(entry) && entry['type'] === 'exception' ? entry['data'] : undefined;
    const values = isRecord(data) ? data['values'] : undefined;
    for (const value of Array.isArray(values) ? (values as unknown[]) : []) {
      if (!isRecord(value)) continue;
      if (slots.fillValue(value, 'stacktrace')) filled++;
      if (slots.fillValue(value, 'rawStacktrace')) filled++;
    }
  }
  return filled === slots.size;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
