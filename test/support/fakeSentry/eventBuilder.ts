// Builders for events, exceptions and stack frames; serialization later lays them over the real example event.
import { nextEventId } from './ids';
import { JsonObject } from './json';
import { FakeEvent, FakeException, FakeFrame, SourceContext } from './model';

export interface FrameInput {
  filename: string | null;
  lineNo: number | null;
  colNo?: number | null;
  function?: string | null;
  /** Defaults to `filename`. */
  absPath?: string | null;
  /** Defaults to the path without scheme, bundler prefix, `./` and extension (`src/cart`), as Sentry derives it for JS. */
  module?: string | null;
  inApp?: boolean;
  context?: SourceContext;
  vars?: JsonObject | null;
  /** The file's text: `context` becomes the five lines either side of `lineNo`, as Sentry sends it. */
  source?: string;
}

export function frame(input: FrameInput): FakeFrame {
  const context =
    input.context ??
    (input.source !== undefined && input.lineNo !== null ? contextFromSource(input.source, input.lineNo) : []);
  return {
    filename: input.filename,
    absPath: input.absPath === undefined ? input.filename : input.absPath,
    module: input.module === undefined ? moduleFromFilename(input.filename) : input.module,
    function: input.function ?? null,
    lineNo: input.lineNo,
    colNo: input.colNo ?? null,
    inApp: input.inApp ?? true,
    context,
    vars: input.vars ?? null,
  };
}

export function contextFromSource(source: string, lineNo: number, radius = 5): SourceContext {
  const lines = source.split('\n');
  const context: SourceContext = [];
  for (let n = Math.max(1, lineNo - radius); n <= Math.min(lines.length, lineNo + radius); n++) {
    context.push([n, lines[n - 1] ?? '']);
  }
  return context;
}

export function moduleFromFilename(filename: string | null): string | null {
  if (filename === null) return null;
  const path = filename
    .replace(/^[a-z-]+:\/\/[^/]*\/?/i, '')
    .replace(/^(\.\/|~\/|\/)+/, '')
    .replace(/\?.*$/, '');
  return path.replace(/\.[a-z0-9]+$/i, '');
}

export interface ExceptionInput {
  type?: string;
  value?: string;
  module?: string | null;
  handled?: boolean;
  mechanism?: string;
  frames?: Array<FrameInput | FakeFrame>;
  rawFrames?: Array<FrameInput | FakeFrame> | null;
}

export function exception(input: ExceptionInput = {}): FakeException {
  return {
    type: input.type ?? 'Error',
    value: input.value ?? 'Something went wrong',
    module: input.module ?? null,
    mechanism: { type: input.mechanism ?? 'onerror', handled: input.handled ?? false },
    frames: (input.frames ?? [defaultFrame]).map(toFrame),
    rawFrames: input.rawFrames ? input.rawFrames.map(toFrame) : null,
  };
}

const defaultFrame: FrameInput = {
  filename: './src/index.ts',
  absPath: 'webpack://app/./src/index.ts',
  lineNo: 10,
  colNo: 5,
  function: 'main',
};

// A built frame is also a valid input (every field set), so both go through `frame`.
function toFrame(input: FrameInput | FakeFrame): FakeFrame {
  return frame(input);
}

export interface EventInput {
  eventID?: string;
  dateCreated?: string;
  environment?: string;
  release?: string | null;
  platform?: string;
  /** Shorthand for one exception: its frames (caller first, crash site last), type and value. */
  frames?: Array<FrameInput | FakeFrame>;
  exceptionType?: string;
  value?: string;
  handled?: boolean;
  /** Full control over chained exceptions (cause first); replaces the shorthand. */
  exceptions?: FakeException[];
  extraFields?: JsonObject;
}

export function event(input: EventInput = {}): FakeEvent {
  const thrown: ExceptionInput = { type: input.exceptionType ?? 'Error', value: input.value ?? 'Something went wrong' };
  if (input.frames) thrown.frames = input.frames;
  if (input.handled !== undefined) thrown.handled = input.handled;
  return {
    eventID: input.eventID ?? nextEventId(),
    dateCreated: input.dateCreated ?? '2025-06-01T10:00:00Z',
    environment: input.environment ?? 'production',
    release: input.release === undefined ? null : input.release,
    platform: input.platform ?? 'javascript',
    exceptions: input.exceptions ?? [exception(thrown)],
    extraFields: input.extraFields ?? {},
  };
}

/** The exception that was thrown: the last one, since Sentry lists causes first. */
export function thrownException(event: FakeEvent): FakeException | undefined {
  return event.exceptions[event.exceptions.length - 1];
}

/** The crash site: the last in-app frame of the thrown exception, else its last frame. */
export function crashFrame(event: FakeEvent): FakeFrame | undefined {
  const frames = thrownException(event)?.frames ?? [];
  return [...frames].reverse().find((f) => f.inApp) ?? frames[frames.length - 1];
}
