// Trims a Web API event body before it is stored, the way Relay's trimming processor trims events at ingest: strings
// to their field's cap, databags to their depth and byte budget, stacks to their last 250 frames with details for at
// most 50, and each cut noted in `_meta` (Sentry's `{"": {"len": …, "rem": [["!limit", …]]}}`) so views can say so.
import { bagFor, charLimitFor, FRAMES_WITH_DETAILS, MAX_FRAMES, type CharLimit } from './trimLimits';

interface Bag {
  remainingBytes: number;
}

type Meta = { len: number; rem?: Array<[string, string, number, number]> };

/** Notes of what was cut, as a tree mirroring the body (Sentry's `_meta`). */
class MetaNotes {
  readonly tree: Record<string, unknown> = {};

  note(path: readonly string[], meta: Meta): void {
    let node = this.tree;
    for (const segment of path) {
      const child = node[segment];
      node = typeof child === 'object' && child !== null ? (child as Record<string, unknown>) : (node[segment] = {});
    }
    node[''] = meta;
  }
}

/** A trimmed copy of the body with `_meta` describing every cut; the input is left as it was. */
export function trimEventBody(body: Record<string, unknown>): Record<string, unknown> {
  const notes = new MetaNotes();
  const trimmed = walk(body, [], undefined, 0, notes) as Record<string, unknown>;
  trimmed['_meta'] = notes.tree;
  return trimmed;
}

/** Trims text to `limit` characters (with Relay's `...` marker) once it is longer than the limit plus its allowance. */
export function trimText(text: string, limit: CharLimit): { text: string; cut: boolean } {
  if (text.length <= limit.limit + limit.allowance) return { text, cut: false };
  return { text: `${cutAt(text, limit.limit - 3)}...`, cut: true };
}

function walk(value: unknown, path: string[], bag: Bag | undefined, depthLeft: number, notes: MetaNotes): unknown {
  let ownBag = bag;
  let ownDepth = depthLeft;
  if (bag === undefined) {
    const size = bagFor(path);
    if (size !== undefined) {
      ownBag = { remainingBytes: size.maxBytes };
      ownDepth = size.maxDepth;
    }
  }
  if (typeof value === 'string') return walkString(value, path, ownBag, notes);
  if (value === null || typeof value !== 'object') {
    if (ownBag) ownBag.remainingBytes -= JSON.stringify(value ?? null).length + 1;
    return value;
  }
  // At the last level a bag allows, a container becomes its JSON text, trimmed like any string (as Relay does).
  if (ownBag !== undefined && ownDepth <= 1 && !isEmpty(value))
    return walkString(JSON.stringify(value), path, ownBag, notes);
  if (ownBag) ownBag.remainingBytes -= 3;
  return Array.isArray(value)
    ? walkArray(value, path, ownBag, ownDepth, notes)
    : walkObject(value as Record<string, unknown>, path, ownBag, ownDepth, notes);
}

function walkString(text: string, path: string[], bag: Bag | undefined, notes: MetaNotes): string {
  const limit = charLimitFor(path);
  const budget =
    bag === undefined ? limit : { limit: Math.max(Math.min(limit.limit, bag.remainingBytes), 3), allowance: 0 };
  const trimmed = trimText(text, budget);
  if (trimmed.cut)
    notes.note(path, { len: text.length, rem: [['!limit', 's', trimmed.text.length - 3, trimmed.text.length]] });
  if (bag) bag.remainingBytes -= trimmed.text.length + 3;
  return trimmed.text;
}

function walkArray(
  items: readonly unknown[],
  path: string[],
  bag: Bag | undefined,
  depthLeft: number,
  notes: MetaNotes,
): unknown[] {
  const isFrames = path[path.length - 1] === 'frames' && bag === undefined;
  // Relay keeps the frames nearest the crash: the last ones.
  const source = isFrames && items.length > MAX_FRAMES ? items.slice(-MAX_FRAMES) : items;
  const out: unknown[] = [];
  for (const [index, item] of source.entries()) {
    if (bag !== undefined && bag.remainingBytes <= 0) break;
    out.push(walk(item, [...path, String(index)], bag, depthLeft - 1, notes));
  }
  if (out.length !== items.length) notes.note(path, { len: items.length });
  if (isFrames) slimFrames(out);
  return out;
}

function walkObject(
  object: Record<string, unknown>,
  path: string[],
  bag: Bag | undefined,
  depthLeft: number,
  notes: MetaNotes,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(object);
  let kept = 0;
  for (const key of keys) {
    if (bag !== undefined && bag.remainingBytes <= 0) break;
    if (path.length === 0 && key === '_meta') continue;
    out[key] = walk(object[key], [...path, key], bag, depthLeft - 1, notes);
    kept++;
  }
  if (kept < keys.length - (path.length === 0 && '_meta' in object ? 1 : 0)) notes.note(path, { len: keys.length });
  return out;
}

/**
 * Beyond 50 frames, the middle ones lose their vars and context lines, system frames first, as Sentry's
 * slim_frame_data does: the ends of a stack are what a reader looks at.
 */
function slimFrames(frames: unknown[]): void {
  if (frames.length <= FRAMES_WITH_DETAILS) return;
  const isApp = (frame: unknown): boolean => (frame as { inApp?: unknown } | null)?.inApp === true;
  const app = frames.flatMap((frame, index) => (isApp(frame) ? [index] : []));
  const system = frames.flatMap((frame, index) => (isApp(frame) ? [] : [index]));
  const systemEnds = Math.floor(Math.max(FRAMES_WITH_DETAILS - app.length, 0) / 2);
  const slimSystem = system.slice(systemEnds, system.length - systemEnds);
  const stillOver = Math.max(frames.length - FRAMES_WITH_DETAILS - slimSystem.length, 0);
  const appEnds = Math.floor(Math.max(app.length - stillOver, 0) / 2);
  const slimApp = stillOver > 0 ? app.slice(appEnds, app.length - appEnds) : [];
  for (const index of [...slimSystem, ...slimApp]) {
    const frame = frames[index];
    if (typeof frame !== 'object' || frame === null) continue;
    const record = frame as Record<string, unknown>;
    record['vars'] = null;
    record['context'] = [];
  }
}

function isEmpty(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** The first `length` UTF-16 units, not splitting a surrogate pair. */
function cutAt(text: string, length: number): string {
  const end = Math.max(length, 0);
  const last = text.charCodeAt(end - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}
