// The organization events endpoint (Discover, `dataset=errors`) as the load reads it: `{data, meta}` with one row per
// event (or per issue for an aggregate), keyed by the requested fields exactly. The `stack.*` fields are Snuba's
// `exception_frames.*` columns: arrays aligned per frame, all exceptions' frames in the event's order (cause first,
// each stack caller to callee), `stack.stack_level` telling which exception a frame belongs to.
import { z } from 'zod';
import type { EventFrame } from './eventSchema';
import { idSchema } from './wireTypes';

export const discoverAnswerSchema = z.looseObject({
  data: z.array(z.record(z.string(), z.unknown())).catch([]),
  meta: z.unknown().optional(),
});

/** The aggregate that gives each issue's latest event id: `argMax(id, timestamp)` grouped by `issue.id`. */
export const latestEventFields = ['issue.id', 'latest_event()'] as const;

/** What a row must carry to place an event's frames: the same frame fields the per-issue event gives, without context. */
export const stackFields = [
  'id',
  'issue.id',
  'stack.filename',
  'stack.abs_path',
  'stack.module',
  'stack.function',
  'stack.lineno',
  'stack.colno',
  'stack.in_app',
  'stack.stack_level',
] as const;

/** One event's frames from a Discover row: its exceptions' stacks, cause first, each caller to callee. */
export interface EventStackRow {
  readonly eventId: string;
  readonly issueId: string;
  readonly stacks: readonly (readonly EventFrame[])[];
}

/** A cell of the wrong type is dropped, not the row: the arrays must stay aligned frame by frame. */
const cells = <T extends z.ZodType>(cell: T) => z.array(cell.nullable().catch(null)).nullish().catch(undefined);
const flag = z.union([z.boolean(), z.number().transform((value) => value !== 0)]);

const latestEventRowSchema = z.looseObject({ 'issue.id': idSchema, 'latest_event()': z.string().min(1) });

const stackRowSchema = z.looseObject({
  id: z.string().min(1),
  'issue.id': idSchema,
  'stack.filename': cells(z.string()),
  'stack.abs_path': cells(z.string()),
  'stack.module': cells(z.string()),
  'stack.function': cells(z.string()),
  'stack.lineno': cells(z.number()),
  'stack.colno': cells(z.number()),
  'stack.in_app': cells(flag),
  'stack.stack_level': cells(z.number()),
});

/** Issue id to its latest event id; rows that do not read are left out (their issues are then asked one by one). */
export function latestEventIdsOf(rows: readonly Record<string, unknown>[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const row of rows) {
    const parsed = latestEventRowSchema.safeParse(row);
    if (parsed.success) ids.set(parsed.data['issue.id'], parsed.data['latest_event()']);
  }
  return ids;
}

/** Each readable row as an event's stacks; an unreadable row is left out, and its issue asked one by one. */
export function eventStacksOf(rows: readonly Record<string, unknown>[]): EventStackRow[] {
  const stacks: EventStackRow[] = [];
  for (const row of rows) {
    const parsed = stackRowSchema.safeParse(row);
    if (parsed.success) stacks.push(stackRowOf(parsed.data));
  }
  return stacks;
}

function stackRowOf(row: z.infer<typeof stackRowSchema>): EventStackRow {
  const filenames = row['stack.filename'] ?? [];
  const absPaths = row['stack.abs_path'] ?? [];
  const linenos = row['stack.lineno'] ?? [];
  const levels = row['stack.stack_level'] ?? [];
  const frameCount = Math.max(filenames.length, absPaths.length, linenos.length);
  const byLevel = new Map<number, EventFrame[]>();
  for (let index = 0; index < frameCount; index++) {
    const level = levels[index] ?? 0;
    let frames = byLevel.get(level);
    if (!frames) byLevel.set(level, (frames = []));
    frames.push({
      filename: filenames[index] ?? undefined,
      absPath: absPaths[index] ?? undefined,
      module: row['stack.module']?.[index] ?? undefined,
      function: row['stack.function']?.[index] ?? undefined,
      lineNo: linenos[index] ?? undefined,
      colNo: row['stack.colno']?.[index] ?? undefined,
      inApp: row['stack.in_app']?.[index] ?? undefined,
      context: [],
    });
  }
  const stacks = [...byLevel.entries()].sort(([a], [b]) => a - b).map(([, frames]) => frames);
  return { eventId: row.id, issueId: row['issue.id'], stacks };
}
