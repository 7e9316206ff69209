// An SDK event payload read by hand rather than by zod: zod's lenient parse of every event was about a tenth of the
// local server's CPU per event at ingest. The rules are ingestEventSchema's, which stays the event's type and the
// reference a property test holds this to, output for output: a field of an unexpected type reads as undefined, a list
// item that does not parse is dropped, unknown fields are kept after the known ones, objects and lists are copies (one
// level deep, as zod's), and a `__proto__` key is dropped as zod drops it.
import { finiteOf, isJsonObject, textOf, type JsonFields } from '../../api/jsonFields';
import { ingestFrameOf } from './ingestFrame';
import type { IngestEvent, IngestException, IngestStacktrace } from './ingestEventSchema';

type FieldReader = (value: unknown) => unknown;
/** A loose object's known fields, in the schema's order (the output's order), each with its reader. */
type Shape = ReadonlyArray<readonly [string, FieldReader]>;

/** The event, or undefined when the payload is not a JSON object (ingestEventSchema refuses nothing else). */
export function ingestEventOf(payload: unknown): IngestEvent | undefined {
  return eventOf(payload);
}

const booleanOf = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const textOrFinite = (value: unknown): string | number | undefined => textOf(value) ?? finiteOf(value);
const objectOf = (value: unknown): JsonFields | undefined => (isJsonObject(value) ? recordOf(value) : undefined);
const listCopyOf = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? [...value] : undefined);

/** zod's `z.record(z.string(), z.unknown())`: a copy of the object's own fields but `__proto__`. */
function recordOf(object: JsonFields): JsonFields {
  const copy: JsonFields = {};
  for (const key of Object.keys(object)) if (key !== '__proto__') copy[key] = object[key];
  return copy;
}

/**
 * zod's `z.looseObject(shape)`: the known fields present in the input (a value of an unexpected type as undefined, not
 * left out), in the shape's order, then the unknown ones in the input's order.
 */
function looseObjectOf(
  input: JsonFields,
  shape: Shape,
  known: ReadonlySet<string>,
  defaults?: Readonly<JsonFields>,
): JsonFields {
  const out: JsonFields = {};
  for (const [key, read] of shape) {
    if (Object.hasOwn(input, key)) out[key] = read(input[key]);
    else if (defaults !== undefined && Object.hasOwn(defaults, key)) out[key] = read(defaults[key]);
  }
  for (const key of Object.keys(input)) if (!known.has(key) && key !== '__proto__') out[key] = input[key];
  return out;
}

/** A reader of `z.looseObject(shape)`: what looseObjectOf makes of an object, undefined for anything else. */
function looseReader<T = JsonFields>(shape: Shape, defaults?: Readonly<JsonFields>): (value: unknown) => T | undefined {
  const known = new Set(shape.map(([key]) => key));
  return (value) => (isJsonObject(value) ? (looseObjectOf(value, shape, known, defaults) as T) : undefined);
}

/** A list whose items that do not read are dropped (the schema's `listOf`). */
function listOf<T>(items: readonly unknown[], read: (item: unknown) => T | undefined): T[] {
  const out: T[] = [];
  for (const item of items) {
    const value = read(item);
    if (value !== undefined) out.push(value);
  }
  return out;
}

const stacktraceShape: Shape = [
  // Anything but a list is no frames; a missing list is none (`.catch([]).default([])`).
  ['frames', (value) => (Array.isArray(value) ? listOf(value, ingestFrameOf) : [])],
  ['frames_omitted', (value) => (Array.isArray(value) && value.every(isFinite) ? [...value] : undefined)],
  ['registers', objectOf],
];
const stacktraceOf = looseReader<IngestStacktrace>(stacktraceShape, { frames: [] });

function isFinite(value: unknown): boolean {
  return finiteOf(value) !== undefined;
}

const exceptionShape: Shape = [
  ['type', textOf],
  ['value', (value) => (typeof value === 'boolean' ? String(value) : textOrFinite(value)?.toString())],
  ['module', textOf],
  ['thread_id', textOrFinite],
  ['mechanism', objectOf],
  ['stacktrace', stacktraceOf],
];
const exceptionOf = looseReader<IngestException>(exceptionShape);

/** `{values: [...]}`, or (old SDKs) the list itself; anything else is no exception (the schema's `.catch([])`). */
function exceptionListOf(value: unknown): IngestException[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return listOf(value, exceptionOf);
  if (!isJsonObject(value)) return [];
  const values = value['values'];
  return Array.isArray(values) ? listOf(values, exceptionOf) : [];
}

const threadShape: Shape = [
  ['id', textOrFinite],
  ['name', textOf],
  ['crashed', booleanOf],
  ['current', booleanOf],
  ['stacktrace', stacktraceOf],
];
const threadOf = looseReader(threadShape);

/** `{values: [...]}` or the list itself; `values` of another type makes the whole field unreadable (no `.catch`). */
function valuesListOf<T>(value: unknown, read: (items: readonly unknown[]) => T[]): T[] | undefined {
  if (Array.isArray(value)) return read(value);
  if (!isJsonObject(value)) return undefined;
  const values = value['values'];
  if (values === null || values === undefined) return [];
  return Array.isArray(values) ? read(values) : undefined;
}

/** `tags` as an object, or a list of `[key, value, ...]` pairs (a missing value as undefined); else none. */
function tagsOf(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return listOf(value, tagPairOf);
  return isJsonObject(value) ? recordOf(value) : {};
}

function tagPairOf(item: unknown): unknown[] | undefined {
  if (!Array.isArray(item) || typeof item[0] !== 'string') return undefined;
  return item.length >= 2 ? [...item] : [item[0], undefined];
}

const logEntryShape: Shape = [
  ['formatted', textOf],
  ['message', textOf],
  ['params', listCopyOf],
];
const logEntryOf = looseReader(logEntryShape);
const debugMetaOf = looseReader([['images', listCopyOf]]);

const eventShape: Shape = [
  ['event_id', textOf],
  ['timestamp', textOrFinite],
  ['level', textOf],
  ['logger', textOf],
  ['platform', textOf],
  ['release', (value) => textOrFinite(value)?.toString()],
  ['dist', textOf],
  ['environment', textOf],
  ['server_name', textOf],
  ['transaction', textOf],
  ['culprit', textOf],
  ['message', (value) => textOf(value) ?? logEntryOf(value)],
  ['logentry', logEntryOf],
  ['exception', exceptionListOf],
  ['stacktrace', stacktraceOf],
  ['threads', (value) => valuesListOf(value, (items) => listOf(items, threadOf))],
  [
    'fingerprint',
    (value) =>
      Array.isArray(value) && value.every((part) => textOrFinite(part) !== undefined) ? value.map(String) : undefined,
  ],
  ['tags', tagsOf],
  ['user', objectOf],
  ['contexts', objectOf],
  ['extra', objectOf],
  ['sdk', objectOf],
  ['request', objectOf],
  ['breadcrumbs', (value) => valuesListOf(value, (items) => [...items])],
  ['debug_meta', debugMetaOf],
  ['modules', objectOf],
];
const eventOf = looseReader<IngestEvent>(eventShape);
