// The parts of an SDK event payload (ingest format, snake_case) that processing reads, parsed leniently: a field of an
// unexpected type is dropped, never fatal, since SDKs of every language and age send these. Ingest reads events with
// ingestEventOf (ingestEvent.ts), which follows these rules by hand at a fraction of the cost; this schema stays the
// event's type and the reference a property test holds that reader to.
import { z } from 'zod';
import { ingestFrameOf } from './ingestFrame';

function lenient<T extends z.ZodType>(schema: T) {
  return schema
    .nullish()
    .catch(undefined)
    .transform((value) => value ?? undefined);
}

/** A list whose elements that do not parse are dropped, not fatal. */
function listOf<T extends z.ZodType>(schema: T) {
  return z.array(z.unknown()).transform((items) =>
    items.flatMap((item) => {
      const parsed = schema.safeParse(item);
      return parsed.success ? [parsed.data as z.output<T>] : [];
    }),
  );
}

const text = lenient(z.string());
const whole = lenient(z.number().finite());
const jsonObject = lenient(z.record(z.string(), z.unknown()));

export const ingestFrameSchema = z.looseObject({
  filename: text,
  abs_path: text,
  module: text,
  package: text,
  platform: text,
  function: text,
  raw_function: text,
  symbol: text,
  lineno: whole,
  colno: whole,
  in_app: lenient(z.boolean()),
  pre_context: lenient(z.array(z.string().nullable().catch(null))),
  context_line: text,
  post_context: lenient(z.array(z.string().nullable().catch(null))),
  vars: jsonObject,
  instruction_addr: text,
  symbol_addr: text,
  source_link: text,
  trust: text,
  lock: jsonObject,
  data: jsonObject,
});
export type IngestFrame = z.infer<typeof ingestFrameSchema>;

export const ingestStacktraceSchema = z.looseObject({
  // Read by ingestFrameOf, which follows ingestFrameSchema's rules at a fraction of the cost (a test holds the two equal).
  frames: z
    .array(z.unknown())
    .transform((items) => items.flatMap((item) => ingestFrameOf(item) ?? []))
    .catch([])
    .default([]),
  frames_omitted: lenient(z.array(z.number())),
  registers: jsonObject,
});
export type IngestStacktrace = z.infer<typeof ingestStacktraceSchema>;

export const ingestExceptionSchema = z.looseObject({
  type: text,
  value: lenient(z.union([z.string(), z.number(), z.boolean()]).transform(String)),
  module: text,
  thread_id: lenient(z.union([z.string(), z.number()])),
  mechanism: jsonObject,
  stacktrace: lenient(ingestStacktraceSchema),
});
export type IngestException = z.infer<typeof ingestExceptionSchema>;

/** `exception` is `{values: [...]}` or, in old SDKs, the list itself or one exception object. */
const exceptionListSchema = z
  .union([
    z.looseObject({ values: listOf(ingestExceptionSchema).nullish() }).transform((value) => value.values ?? []),
    listOf(ingestExceptionSchema),
  ])
  .catch([]);

const threadSchema = z.looseObject({
  id: lenient(z.union([z.string(), z.number()])),
  name: text,
  crashed: lenient(z.boolean()),
  current: lenient(z.boolean()),
  stacktrace: lenient(ingestStacktraceSchema),
});

/** `tags` as an object or a list of pairs. */
const tagsSchema = z
  .union([z.record(z.string(), z.unknown()), listOf(z.tuple([z.string(), z.unknown()]).rest(z.unknown()))])
  .catch({});

const logEntrySchema = z.looseObject({ formatted: text, message: text, params: lenient(z.array(z.unknown())) });

export const ingestEventSchema = z.looseObject({
  event_id: text,
  timestamp: lenient(z.union([z.number().finite(), z.string()])),
  level: text,
  logger: text,
  platform: text,
  release: lenient(z.union([z.string(), z.number()]).transform(String)),
  dist: text,
  environment: text,
  server_name: text,
  transaction: text,
  culprit: text,
  message: lenient(z.union([z.string(), logEntrySchema])),
  logentry: lenient(logEntrySchema),
  exception: lenient(exceptionListSchema),
  stacktrace: lenient(ingestStacktraceSchema),
  threads: lenient(
    z.union([
      z.looseObject({ values: listOf(threadSchema).nullish() }).transform((value) => value.values ?? []),
      listOf(threadSchema),
    ]),
  ),
  fingerprint: lenient(z.array(z.union([z.string(), z.number()]).transform(String))),
  tags: lenient(tagsSchema),
  user: jsonObject,
  contexts: jsonObject,
  extra: jsonObject,
  sdk: jsonObject,
  request: jsonObject,
  breadcrumbs: lenient(
    z.union([
      z.looseObject({ values: z.array(z.unknown()).nullish() }).transform((value) => value.values ?? []),
      z.array(z.unknown()),
    ]),
  ),
  debug_meta: lenient(z.looseObject({ images: lenient(z.array(z.unknown())) })),
  modules: jsonObject,
});
export type IngestEvent = z.infer<typeof ingestEventSchema>;
