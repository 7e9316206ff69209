// A Web API stack frame read by hand rather than by zod: an issue's latest event is read on every load, and zod's
// lenient parse of its frames (fifteen fields each, every one a four-step schema) cost more than the JSON parse of the
// whole answer. The rules are eventFrameSchema's, which stays the reference a test holds this to: a field of an
// unexpected type is dropped, camelCase wins over the snake_case spelling, and a list with anything but objects in it
// has no frames at all.
import type { EventFrame } from './eventSchema';
import { booleanOf, finiteOf, isJsonObject, textOf, type JsonFields } from './jsonFields';

/** The frames of a stack trace's `frames` list, or none when the list holds anything but objects. */
export function eventFramesOf(items: readonly unknown[]): EventFrame[] {
  const frames: EventFrame[] = [];
  for (const item of items) {
    if (!isJsonObject(item)) return [];
    frames.push(eventFrameOf(item));
  }
  return frames;
}

function eventFrameOf(frame: JsonFields): EventFrame {
  const lineNo = finiteOf(frame['lineNo']) ?? finiteOf(frame['lineno']);
  let context = contextOf(frame['context']);
  const contextLine = textOf(frame['context_line']);
  if (context.length === 0 && contextLine !== undefined && lineNo !== undefined) context = [[lineNo, contextLine]];
  const vars = frame['vars'];
  return {
    filename: textOf(frame['filename']),
    absPath: textOf(frame['absPath']) ?? textOf(frame['abs_path']),
    module: textOf(frame['module']),
    function: textOf(frame['function']),
    lineNo,
    colNo: finiteOf(frame['colNo']) ?? finiteOf(frame['colno']),
    inApp: booleanOf(frame['inApp']) ?? booleanOf(frame['in_app']),
    platform: textOf(frame['platform']),
    context,
    ...(vars !== undefined && vars !== null ? { vars } : {}),
  };
}

/** `[line, text, ...]` pairs; one pair of another shape drops them all, as the schema's catch does. */
function contextOf(value: unknown): Array<readonly [number, string | null]> {
  if (!Array.isArray(value)) return [];
  const pairs: Array<readonly [number, string | null]> = [];
  for (const pair of value as unknown[]) {
    if (!Array.isArray(pair)) return [];
    const [line, text] = pair as unknown[];
    if (finiteOf(line) === undefined || (text !== null && typeof text !== 'string')) return [];
    pairs.push([line as number, text as string | null]);
  }
  return pairs;
}
