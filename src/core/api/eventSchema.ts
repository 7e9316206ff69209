// Schema of an issue's event (latest or recommended) and the extraction of its exception chain and stack frames.
// Frame fields are read leniently: one odd frame must not hide the rest of the stack trace.
import { z } from 'zod';
import type { SourceFrame } from '../resolve/frame';
import { eventFramesOf } from './eventFrame';
import { idSchema, optional } from './wireTypes';

/** A frame as the event carries it: what the resolver reads, plus the frame's local variables where the SDK sent them. */
export interface EventFrame extends SourceFrame {
  /** The frame's `vars` object as sent (Python, Ruby, PHP, Java, .NET, Node with `includeLocalVariables`). */
  readonly vars?: unknown;
  /** The event's `_meta` at this frame's `vars`: what the SDK or the server trimmed or filtered. */
  readonly varsMeta?: unknown;
}

/** A frame field that is dropped, not fatal, when it has an unexpected type. */
function lenient<T extends z.ZodType>(schema: T) {
  return schema
    .nullish()
    .catch(undefined)
    .transform((value) => value ?? undefined);
}

const contextSchema = z.array(z.tuple([z.number(), z.string().nullable()]).rest(z.unknown())).catch([]);

/**
 * Web API frames are camelCase; GlitchTip leaves some keys snake_case and the ingest format is all snake_case. The
 * reference for eventFramesOf, which reads frames by these rules at a fraction of the cost (a test holds the two equal).
 */
export const eventFrameSchema = z
  .looseObject({
    filename: lenient(z.string()),
    absPath: lenient(z.string()),
    abs_path: lenient(z.string()),
    module: lenient(z.string()),
    function: lenient(z.string()),
    lineNo: lenient(z.number()),
    lineno: lenient(z.number()),
    colNo: lenient(z.number()),
    colno: lenient(z.number()),
    inApp: lenient(z.boolean()),
    in_app: lenient(z.boolean()),
    platform: lenient(z.string()),
    context: optional(contextSchema),
    context_line: lenient(z.string()),
    vars: z.unknown().optional(),
  })
  .transform((frame): EventFrame => {
    const lineNo = frame.lineNo ?? frame.lineno;
    let context: Array<readonly [number, string | null]> = (frame.context ?? []).map(
      ([line, text]) => [line, text] as const,
    );
    if (context.length === 0 && frame.context_line !== undefined && lineNo !== undefined)
      context = [[lineNo, frame.context_line]];
    return {
      filename: frame.filename,
      absPath: frame.absPath ?? frame.abs_path,
      module: frame.module,
      function: frame.function,
      lineNo,
      colNo: frame.colNo ?? frame.colno,
      inApp: frame.inApp ?? frame.in_app,
      platform: frame.platform,
      context,
      ...(frame.vars !== undefined && frame.vars !== null ? { vars: frame.vars } : {}),
    };
  });

const stacktraceSchema = z.looseObject({
  frames: z.array(z.unknown()).transform(eventFramesOf).catch([]).default([]),
});

export const exceptionValueSchema = z.looseObject({
  type: lenient(z.string()),
  value: lenient(z.string()),
  module: lenient(z.string()),
  mechanism: lenient(z.looseObject({ type: lenient(z.string()), handled: lenient(z.boolean()) })),
  stacktrace: lenient(stacktraceSchema),
  rawStacktrace: lenient(stacktraceSchema),
});
export type ExceptionValue = z.infer<typeof exceptionValueSchema>;

const exceptionDataSchema = z.looseObject({
  values: z
    .array(exceptionValueSchema)
    .nullish()
    .transform((values) => values ?? []),
});
const threadsDataSchema = z.looseObject({
  values: z
    .array(
      z.looseObject({
        crashed: lenient(z.boolean()),
        current: lenient(z.boolean()),
        stacktrace: lenient(stacktraceSchema),
      }),
    )
    .nullish()
    .transform((values) => values ?? []),
});

const entrySchema = z.looseObject({ type: z.string(), data: z.unknown() });

const debugImageSchema = z.looseObject({
  type: lenient(z.string()),
  code_file: lenient(z.string()),
  debug_id: lenient(z.string()),
});

export const eventSchema = z.looseObject({
  id: idSchema,
  eventID: optional(z.string()),
  groupID: optional(idSchema),
  title: optional(z.string()),
  message: optional(z.string()),
  platform: optional(z.string()),
  dateCreated: optional(z.string()),
  tags: z
    .array(z.looseObject({ key: z.string(), value: z.string().nullable() }))
    .catch([])
    .default([]),
  // An object on Sentry, absent on GlitchTip; the version is also in the `release` tag.
  release: optional(z.union([z.looseObject({ version: z.string() }), z.string()])).catch(undefined),
  entries: z.array(entrySchema).catch([]).default([]),
});
export type IssueEvent = z.infer<typeof eventSchema>;

export interface EventStack {
  /** Exception values oldest (cause) to newest; the last is the one thrown. Empty for message events. */
  readonly exceptions: readonly ExceptionValue[];
  /** Frames caller to callee, for events that carry a bare stack trace or threads instead of an exception. */
  readonly looseFrames: readonly EventFrame[];
  readonly debugImages: ReadonlyArray<{ codeFile: string; debugId: string }>;
}

/** The `_meta` object at a path of keys (`_meta` keys array positions as strings), or undefined. */
function metaAt(meta: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = meta;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[String(key)];
  }
  return node ?? undefined;
}

/** Each frame with the `_meta` remarks on its `vars`; `framesMeta` is the `_meta` at the stack trace's `frames`. */
function withVarsMeta<T extends EventFrame>(frames: readonly T[], framesMeta: unknown): T[] {
  if (framesMeta === undefined) return [...frames];
  return frames.map((frame, index) => {
    const varsMeta = metaAt(framesMeta, [index, 'vars']);
    return varsMeta === undefined ? frame : { ...frame, varsMeta };
  });
}

function withStackMeta(exception: ExceptionValue, valueMeta: unknown): ExceptionValue {
  const framesMeta = metaAt(valueMeta, ['stacktrace', 'frames']);
  if (!exception.stacktrace || framesMeta === undefined) return exception;
  return {
    ...exception,
    stacktrace: { ...exception.stacktrace, frames: withVarsMeta(exception.stacktrace.frames, framesMeta) },
  };
}

/** The exception chain and stack frames of an event, from whichever entries it has. */
export function stackOfEvent(event: IssueEvent): EventStack {
  const exceptions: ExceptionValue[] = [];
  let looseFrames: EventFrame[] = [];
  const debugImages: Array<{ codeFile: string; debugId: string }> = [];
  // Where the Web API says what it trimmed or filtered, entry by entry, in the shape of the entries.
  const entriesMeta = metaAt((event as Record<string, unknown>)['_meta'], ['entries']);
  event.entries.forEach((entry, entryIndex) => {
    const dataMeta = metaAt(entriesMeta, [entryIndex, 'data']);
    if (entry.type === 'exception') {
      const data = exceptionDataSchema.safeParse(entry.data);
      if (data.success)
        exceptions.push(
          ...data.data.values.map((value, index) => withStackMeta(value, metaAt(dataMeta, ['values', index]))),
        );
    } else if (entry.type === 'stacktrace' && looseFrames.length === 0) {
      const data = stacktraceSchema.safeParse(entry.data);
      if (data.success) looseFrames = withVarsMeta(data.data.frames, metaAt(dataMeta, ['frames']));
    } else if (entry.type === 'threads' && looseFrames.length === 0) {
      const data = threadsDataSchema.safeParse(entry.data);
      const values = data.success ? data.data.values : [];
      const thread = values.find((value) => value.crashed) ?? values.find((value) => value.current);
      if (thread?.stacktrace)
        looseFrames = withVarsMeta(
          thread.stacktrace.frames,
          metaAt(dataMeta, ['values', values.indexOf(thread), 'stacktrace', 'frames']),
        );
    } else if (entry.type === 'debugmeta') {
      const images = z.looseObject({ images: z.array(debugImageSchema).catch([]) }).safeParse(entry.data);
      for (const image of images.success ? images.data.images : []) {
        if (image.type === 'sourcemap' && image.code_file && image.debug_id)
          debugImages.push({ codeFile: image.code_file, debugId: image.debug_id });
      }
    }
  });
  return { exceptions, looseFrames, debugImages };
}

/** The value of an event tag (`environment`, `release`, `user`…). */
export function tagOf(event: IssueEvent, key: string): string | undefined {
  return event.tags.find((tag) => tag.key === key)?.value ?? undefined;
}
