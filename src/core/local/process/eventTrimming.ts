// Trims a Web API event body before it is stored, the way Relay's trimming processor trims events at ingest: strings
// to their field's cap, databags to their depth and byte budget, stacks to their last 250 frames with details for at
// most 50, and each cut noted in `_meta` (Sentry's `{"": {"len": …, "rem": [["!limit", …]]}}`) so views can say so.
import { DESCEND, scrubLevel, scrubValue, type EventScrubOptions } from '../../privacy/scrubEvent';
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

/**
 * A trimmed copy of the body with `_meta` describing every cut; the input is left as it was. With `scrub`, the copy is
 * also scrubbed, in the same walk, and equals trimming the body scrubbed by scrubEventBody (what is cut is never
 * scrubbed, and the body is copied once).
 */
export function trimEventBody(body: Record<string, unknown>, scrub?: EventScrubOptions): Record<string, unknown> {
  const walker = new TrimWalk(scrub);
  const trimmed = walker.walk(body, undefined, undefined, 0, 0) as Record<string, unknown>;
  trimmed['_meta'] = walker.notes.tree;
  return trimmed;
}

/** Trims text to `limit` characters (with Relay's `...` marker) once it is longer than the limit plus its allowance. */
export function trimText(text: string, limit: CharLimit): { text: string; cut: boolean } {
  if (text.length <= limit.limit + limit.allowance) return { text, cut: false };
  return { text: `${cutAt(text, limit.limit - 3)}...`, cut: true };
}

/** One walk over a body; `path` is where it is, grown and shrunk as it goes rather than copied per value. */
class TrimWalk {
  readonly notes = new MetaNotes();
  private readonly path: string[] = [];

  constructor(private readonly scrub: EventScrubOptions | undefined) {}

  /**
   * `key`: the value's key in its object (none in a list); `scrubDepth`: its depth for scrubbing, or -1 once the value
   * is scrubbed already (a value scrubLevel decided is final).
   */
  walk(value: unknown, key: string | undefined, bag: Bag | undefined, depthLeft: number, scrubDepth: number): unknown {
    let own = value;
    let ownScrubDepth = -1;
    if (this.scrub !== undefined && scrubDepth >= 0) {
      const scrubbed = scrubLevel(value, key, this.scrub, scrubDepth);
      if (scrubbed === DESCEND) ownScrubDepth = scrubDepth;
      else own = scrubbed;
    }
    let ownBag = bag;
    let ownDepth = depthLeft;
    if (bag === undefined) {
      const size = bagFor(this.path);
      if (size !== undefined) {
        ownBag = { remainingBytes: size.maxBytes };
        ownDepth = size.maxDepth;
      }
    }
    if (typeof own === 'string') return this.walkString(own, ownBag);
    if (own === null || typeof own !== 'object') {
      if (ownBag) ownBag.remainingBytes -= JSON.stringify(own ?? null).length + 1;
      return own;
    }
    // At the last level a bag allows, a container becomes its JSON text, trimmed like any string (as Relay does).
    if (ownBag !== undefined && ownDepth <= 1 && !isEmpty(own)) {
      const whole =
        ownScrubDepth >= 0 && this.scrub !== undefined ? scrubValue(own, key, this.scrub, ownScrubDepth) : own;
      return this.walkString(JSON.stringify(whole), ownBag);
    }
    if (ownBag) ownBag.remainingBytes -= 3;
    const childScrubDepth = ownScrubDepth >= 0 ? ownScrubDepth + 1 : -1;
    return Array.isArray(own)
      ? this.walkArray(own, ownBag, ownDepth, childScrubDepth)
      : this.walkObject(own as Record<string, unknown>, ownBag, ownDepth, childScrubDepth);
  }

  private walkString(text: string, bag: Bag | undefined): string {
    const limit = charLimitFor(this.path);
    const budget =
      bag === undefined ? limit : { limit: Math.max(Math.min(limit.limit, bag.remainingBytes), 3), allowance: 0 };
    const trimmed = trimText(text, budget);
    if (trimmed.cut)
      this.notes.note(this.path, {
        len: text.length,
        rem: [['!limit', 's', trimmed.text.length - 3, trimmed.text.length]],
      });
    if (bag) bag.remainingBytes -= trimmed.text.length + 3;
    return trimmed.text;
  }

  // Lists and objects are copied only from their first changed entry on: most of a body stays as it is, and the copy
  // (shared with the input from there down) is made only where a value was cut or scrubbed.
  private walkArray(
    items: readonly unknown[],
    bag: Bag | undefined,
    depthLeft: number,
    scrubDepth: number,
  ): readonly unknown[] {
    const path = this.path;
    const isFrames = path[path.length - 1] === 'frames' && bag === undefined;
    // Relay keeps the frames nearest the crash: the last ones.
    const source = isFrames && items.length > MAX_FRAMES ? items.slice(-MAX_FRAMES) : items;
    let out: unknown[] | undefined = source === items ? undefined : [];
    for (let index = 0; index < source.length; index++) {
      if (bag !== undefined && bag.remainingBytes <= 0) {
        out ??= source.slice(0, index);
        break;
      }
      const item = source[index];
      path.push(String(index));
      const walked = this.walk(item, undefined, bag, depthLeft - 1, scrubDepth);
      path.pop();
      if (out !== undefined) out.push(walked);
      else if (walked !== item) {
        out = source.slice(0, index);
        out.push(walked);
      }
    }
    const result = out ?? source;
    if (result.length !== items.length) this.notes.note(path, { len: items.length });
    return isFrames ? slimFrames(result) : result;
  }

  private walkObject(
    object: Record<string, unknown>,
    bag: Bag | undefined,
    depthLeft: number,
    scrubDepth: number,
  ): Record<string, unknown> {
    const path = this.path;
    const atRoot = path.length === 0;
    // The body itself is always a copy: its `_meta` is replaced.
    let out: Record<string, unknown> | undefined = atRoot ? {} : undefined;
    const keys = Object.keys(object);
    let kept = 0;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] ?? '';
      if (bag !== undefined && bag.remainingBytes <= 0) {
        out ??= firstEntries(object, keys, index);
        break;
      }
      // The body's own `_meta` is replaced by the notes, in its place: `size` stays the last field (serializeWithSize).
      if (atRoot && key === '_meta') {
        if (out !== undefined) out[key] = null;
        continue;
      }
      const value = object[key];
      path.push(key);
      const walked = this.walk(value, key, bag, depthLeft - 1, scrubDepth);
      path.pop();
      kept++;
      if (out !== undefined) out[key] = walked;
      else if (walked !== value) {
        out = firstEntries(object, keys, index);
        out[key] = walked;
      }
    }
    if (kept < keys.length - (atRoot && '_meta' in object ? 1 : 0)) this.notes.note(path, { len: keys.length });
    return out ?? object;
  }
}

/** A copy of the object's entries before the `count`th key. */
function firstEntries(
  object: Record<string, unknown>,
  keys: readonly string[],
  count: number,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (let index = 0; index < count; index++) {
    const key = keys[index] ?? '';
    copy[key] = object[key];
  }
  return copy;
}

/**
 * Beyond 50 frames, the middle ones lose their vars and context lines, system frames first, as Sentry's
 * slim_frame_data does: the ends of a stack are what a reader looks at.
 */
function slimFrames(frames: readonly unknown[]): readonly unknown[] {
  if (frames.length <= FRAMES_WITH_DETAILS) return frames;
  const isApp = (frame: unknown): boolean => (frame as { inApp?: unknown } | null)?.inApp === true;
  const app = frames.flatMap((frame, index) => (isApp(frame) ? [index] : []));
  const system = frames.flatMap((frame, index) => (isApp(frame) ? [] : [index]));
  const systemEnds = Math.floor(Math.max(FRAMES_WITH_DETAILS - app.length, 0) / 2);
  const slimSystem = system.slice(systemEnds, system.length - systemEnds);
  const stillOver = Math.max(frames.length - FRAMES_WITH_DETAILS - slimSystem.length, 0);
  const appEnds = Math.floor(Math.max(app.length - stillOver, 0) / 2);
  const slimApp = stillOver > 0 ? app.slice(appEnds, app.length - appEnds) : [];
  // The frames may be the input's own: slimmed ones are copies.
  const slimmed = [...frames];
  for (const index of [...slimSystem, ...slimApp]) {
    const frame = slimmed[index];
    if (typeof frame !== 'object' || frame === null) continue;
    const copy = Array.isArray(frame) ? [...(frame as unknown[])] : { ...frame };
    Object.assign(copy, { vars: null, context: [] });
    slimmed[index] = copy;
  }
  return slimmed;
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
