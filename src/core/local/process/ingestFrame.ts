// An SDK stack frame read by hand rather than by zod: frames are most of an event's values (30 or more per stack, each
// with 21 fields), and zod's lenient parse of them was the larger part of its cost at ingest. The rules are
// ingestFrameSchema's, which stays the frame's type and the reference a test holds this to: a field of an unexpected
// type is dropped, unknown fields are kept, anything but an object is no frame.
import { finiteOf, isJsonObject, textOf, type JsonFields } from '../../api/jsonFields';
import type { IngestFrame } from './ingestEventSchema';

const TEXT_FIELDS = [
  'filename',
  'abs_path',
  'module',
  'package',
  'platform',
  'function',
  'raw_function',
  'symbol',
  'context_line',
  'instruction_addr',
  'symbol_addr',
  'source_link',
  'trust',
] as const;
const NUMBER_FIELDS = ['lineno', 'colno'] as const;
const LINE_LIST_FIELDS = ['pre_context', 'post_context'] as const;
const OBJECT_FIELDS = ['vars', 'lock', 'data'] as const;

/** The frame, or undefined when the item is not an object (a list drops it). */
export function ingestFrameOf(item: unknown): IngestFrame | undefined {
  if (!isJsonObject(item)) return undefined;
  const frame: JsonFields = { ...item };
  for (const field of TEXT_FIELDS) if (field in frame) frame[field] = textOf(frame[field]);
  for (const field of NUMBER_FIELDS) if (field in frame) frame[field] = finiteOf(frame[field]);
  for (const field of LINE_LIST_FIELDS) if (field in frame) frame[field] = linesOf(frame[field]);
  for (const field of OBJECT_FIELDS) if (field in frame) frame[field] = objectOf(frame[field]);
  if ('in_app' in frame) frame['in_app'] = typeof frame['in_app'] === 'boolean' ? frame['in_app'] : undefined;
  return frame as IngestFrame;
}

/** Context lines: a line that is not text is kept as null, so that the others keep their numbers. */
function linesOf(value: unknown): Array<string | null> | undefined {
  return Array.isArray(value) ? value.map((line) => (typeof line === 'string' ? line : null)) : undefined;
}

function objectOf(value: unknown): JsonFields | undefined {
  return isJsonObject(value) ? { ...value } : undefined;
}
