// Exception stacks processed once and kept ready to store (issue 12, Speed): symbolicated, then trimmed and scrubbed
// with their JSON text, so that the same stack in the next events (an app failing the same way again) costs a lookup
// instead of symbolication, the trimming walk and serialization. An entry is keyed on all that the stack's processing
// reads: the frames as sent, the platform, the debug images, the scrubbing options and the workspace's version (it
// changes whenever a watcher reports a file or a bundle is uploaded). Stacks whose frames carry values of their own
// event (vars, lock) are never kept, nor stacks that trimming cuts: their notes belong to the event's `_meta`.
import type { DebugImage } from '../../resolve/debugImages';
import { BoundedCache } from '../../resolve/boundedCache';
import type { EventScrubOptions } from '../../privacy/scrubEvent';
import { stacktraceJson } from './apiEventEntries';
import type { ApiFrame } from './apiFrame';
import { trimEventBody } from './eventTrimming';
import type { WorkspaceLine } from './frameSymbolicator';
import type { IngestFrame } from './ingestEventSchema';

/** A stack after symbolication: what grouping, titles and the editor's marks read. */
export interface ProcessedStack {
  readonly frames: ApiFrame[] | null;
  /** The frames as sent, when symbolication mapped at least one (Sentry's `rawStacktrace`); else null. */
  readonly rawFrames: ApiFrame[] | null;
  /** Per frame, the workspace line it resolved to, if any. */
  readonly lines: ReadonlyArray<WorkspaceLine | undefined>;
}

/** A value as the stored body holds it (trimmed and scrubbed), with its JSON text. */
export interface StoredJson {
  readonly value: unknown;
  readonly text: string;
}

/** An exception's `stacktrace` and `rawStacktrace` as stored. */
export interface StoredStack {
  readonly stacktrace: StoredJson;
  /** Null when the stack has no raw frames. */
  readonly rawStacktrace: StoredJson | null;
}

export interface PreparedStack extends ProcessedStack {
  /** Undefined when trimming cut the stack: the event's own walk must then note where. */
  readonly stored: StoredStack | undefined;
}

/** What a stack's processing depends on besides its frames. */
export interface StackSettings {
  readonly platform: string;
  readonly debugImages: readonly DebugImage[];
  /** The workspace's version, or `none` without a workspace; undefined: a workspace that cannot say, never cached. */
  readonly workspaceVersion: string | undefined;
  /** How stored bodies are scrubbed; undefined when they are not. */
  readonly scrub: EventScrubOptions | undefined;
}

/** Distinct stacks kept, and characters of their keys and stored texts (the objects are about as large again). */
const MAX_STACKS = 512;
const MAX_CHARS = 8_000_000;

export class PreparedStacks {
  private readonly stacks = new BoundedCache<string, Promise<PreparedStack>>(MAX_STACKS, MAX_CHARS);
  /** The workspace version the kept stacks were made against: older ones can never be asked for again. */
  private version: string | undefined;

  /**
   * The stack of these frames, processed by `process` once per key; concurrent events with the same stack share the
   * work in progress. Undefined when the stack must be processed for its event alone (see the file's header).
   */
  prepared(
    frames: readonly IngestFrame[],
    settings: StackSettings,
    process: () => Promise<ProcessedStack>,
  ): Promise<PreparedStack> | undefined {
    if (settings.workspaceVersion === undefined || frames.some(hasOwnValues)) return undefined;
    if (settings.workspaceVersion !== this.version) {
      this.stacks.clear();
      this.version = settings.workspaceVersion;
    }
    const key = keyOf(frames, settings);
    const kept = this.stacks.get(key);
    if (kept !== undefined) return kept;
    const preparing = process().then((stack) => ({ ...stack, stored: storedStackOf(stack, settings.scrub) }));
    this.stacks.set(key, preparing, key.length);
    preparing.then(
      (stack) => {
        // Weighed once its texts are known, unless it went meanwhile (evicted, or a newer workspace version).
        if (this.stacks.has(key)) this.stacks.set(key, preparing, key.length + storedChars(stack.stored));
      },
      () => this.stacks.delete(key),
    );
    return preparing;
  }
}

function hasOwnValues(frame: IngestFrame): boolean {
  return frame.vars !== undefined || frame.lock !== undefined;
}

function keyOf(frames: readonly IngestFrame[], settings: StackSettings): string {
  return JSON.stringify([
    settings.workspaceVersion,
    settings.platform,
    settings.debugImages,
    settings.scrub ?? null,
    frames,
  ]);
}

function storedChars(stored: StoredStack | undefined): number {
  return stored === undefined ? 0 : stored.stacktrace.text.length + (stored.rawStacktrace?.text.length ?? 0);
}

/**
 * The stack trimmed and scrubbed as the event's own walk would at an exception's `stacktrace` (trimming and scrubbing
 * look at a value's path and depth, and the exception values are at the same depth whatever their index).
 */
function storedStackOf(stack: ProcessedStack, scrub: EventScrubOptions | undefined): StoredStack | undefined {
  if (stack.frames === null) return undefined;
  const value = {
    stacktrace: stacktraceJson(stack.frames),
    rawStacktrace: stack.rawFrames === null ? null : stacktraceJson(stack.rawFrames),
  };
  const trimmed = trimEventBody({ entries: [{ type: 'exception', data: { values: [value] } }] }, scrub);
  if (Object.keys(trimmed['_meta'] as object).length > 0) return undefined;
  const stored = (trimmed['entries'] as Array<{ data: { values: Array<typeof value> } }>)[0]?.data.values[0];
  if (stored === undefined || typeof stored.stacktrace !== 'object' || stored.stacktrace === null) return undefined;
  return {
    stacktrace: { value: stored.stacktrace, text: JSON.stringify(stored.stacktrace) },
    rawStacktrace:
      stored.rawStacktrace === null
        ? null
        : { value: stored.rawStacktrace, text: JSON.stringify(stored.rawStacktrace) },
  };
}
