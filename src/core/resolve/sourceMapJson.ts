// Parses a source map's JSON (external data) into a TraceMap, keeping the raw sources and the Sentry debug ID.
import { FlattenMap, type SectionedSourceMapXInput, type TraceMap } from '@jridgewell/trace-mapping';
import { z } from 'zod';
import { normalizeDebugId } from './sourceMapComments';

const encodedMapSchema = z.object({
  version: z.literal(3),
  file: z.string().nullish(),
  sourceRoot: z
    .string()
    .nullish()
    .transform((root) => root ?? undefined),
  sources: z.array(z.string().nullable()),
  names: z.array(z.string()).default([]),
  mappings: z.string(),
});

const sectionedMapSchema = z.object({
  version: z.literal(3),
  file: z.string().nullish(),
  sections: z.array(z.object({ offset: z.object({ line: z.number(), column: z.number() }), map: encodedMapSchema })),
});

const debugIdSchema = z.object({ debugId: z.string().optional(), debug_id: z.string().optional() });

export interface ParsedSourceMap {
  readonly map: TraceMap;
  /** The map's `file`: the compiled script's name, relative to the map. */
  readonly file: string | undefined;
  readonly debugId: string | undefined;
}

/** The parsed map, or undefined when the text is not JSON or not a version 3 source map. */
export function parseSourceMap(text: string): ParsedSourceMap | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const flat = encodedMapSchema.safeParse(json);
  const input: SectionedSourceMapXInput | z.infer<typeof encodedMapSchema> | undefined = flat.success
    ? flat.data
    : sectionedMapSchema.safeParse(json).data;
  if (input === undefined) return undefined;
  const ids = debugIdSchema.safeParse(json).data;
  const debugId = ids?.debugId ?? ids?.debug_id;
  try {
    return {
      map: new FlattenMap(input),
      file: input.file ?? undefined,
      debugId: debugId === undefined ? undefined : normalizeDebugId(debugId),
    };
  } catch {
    return undefined;
  }
}
