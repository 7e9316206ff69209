// The columns of the organization events endpoint over error events, each with the type Sentry's `meta.fields` gives
// it: built-in fields, the `stack.*` frame arrays (Snuba's `exception_frames`: all exceptions' frames, cause first),
// `error.*` arrays per exception, tags (`tags[key]` or a bare key the server has seen), and the aggregate functions.
import { AnswerNow, detail } from './apiAnswer';
import type {
  DiscoverDetails,
  DiscoverEvent,
  DiscoverException,
  DiscoverFrame,
  DiscoverItem,
  DiscoverUser,
} from './discoverEvent';

export type FieldType = 'string' | 'integer' | 'date' | 'array' | 'boolean';

export interface Column {
  readonly type: FieldType;
  /** The cell needs what lives in the event's body: the item must carry its details. */
  readonly needsDetails: boolean;
  cell(item: DiscoverItem): unknown;
}

export interface Aggregate {
  readonly type: FieldType;
  readonly needsDetails: boolean;
  value(items: readonly DiscoverItem[]): unknown;
}

/** Sentry writes Discover's dates to the second with an explicit offset: `2025-06-01T12:00:00+00:00`. */
export function discoverDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

const ofEvent = (type: FieldType, cell: (event: DiscoverEvent) => unknown): Column => ({
  type,
  needsDetails: false,
  cell: (item) => cell(item.event),
});
const ofDetails = (type: FieldType, cell: (details: DiscoverDetails) => unknown): Column => ({
  type,
  needsDetails: true,
  cell: (item) => (item.details === undefined ? null : cell(item.details)),
});
const text = (cell: (details: DiscoverDetails) => string | null): Column => ofDetails('string', cell);
const perException = (cell: (exception: DiscoverException) => unknown): Column =>
  ofDetails('array', (details) => details.exceptions.map(cell));
const frames = (cell: (frame: DiscoverFrame) => unknown): Column =>
  ofDetails('array', (details) => details.exceptions.flatMap((exception) => exception.frames.map(cell)));

const userText = (user: DiscoverUser | null): string | null => {
  if (user === null) return null;
  if (user.id !== null) return `id:${user.id}`;
  if (user.email !== null) return `email:${user.email}`;
  if (user.username !== null) return `username:${user.username}`;
  return user.ip === null ? null : `ip:${user.ip}`;
};

const builtIn: Readonly<Record<string, Column>> = {
  id: ofEvent('string', (event) => event.eventId),
  'issue.id': ofEvent('integer', (event) => Number(event.issueId)),
  issue: ofEvent('string', (event) => event.shortId),
  project: ofEvent('string', (event) => event.projectSlug),
  'project.name': ofEvent('string', (event) => event.projectSlug),
  'project.id': ofEvent('integer', (event) => Number(event.projectId)),
  timestamp: ofEvent('date', (event) => discoverDate(event.timestamp)),
  level: ofEvent('string', (event) => event.level),
  release: ofEvent('string', (event) => event.release),
  environment: ofEvent('string', (event) => event.environment),
  transaction: ofEvent('string', (event) => event.transaction),
  title: text((details) => details.title),
  message: text((details) => details.message),
  culprit: text((details) => details.culprit),
  location: text((details) => details.location),
  platform: text((details) => details.platform),
  'event.type': text((details) => details.type),
  trace: text((details) => details.traceId),
  user: text((details) => userText(details.user)),
  'user.id': text((details) => details.user?.id ?? null),
  'user.email': text((details) => details.user?.email ?? null),
  'user.username': text((details) => details.user?.username ?? null),
  'user.ip': text((details) => details.user?.ip ?? null),
  'user.display': text(({ user }) => user?.email ?? user?.username ?? user?.id ?? user?.ip ?? null),
  'error.type': perException((exception) => exception.type),
  'error.value': perException((exception) => exception.value),
  'error.mechanism': perException((exception) => exception.mechanism),
  'error.handled': perException((exception) => exception.handled),
  'error.unhandled': ofDetails('boolean', (details) =>
    details.exceptions.some((exception) => exception.handled === false),
  ),
  'stack.filename': frames((frame) => frame.filename),
  'stack.abs_path': frames((frame) => frame.absPath),
  'stack.module': frames((frame) => frame.module),
  'stack.function': frames((frame) => frame.function),
  'stack.lineno': frames((frame) => frame.lineNo),
  'stack.colno': frames((frame) => frame.colNo),
  'stack.in_app': frames((frame) => frame.inApp),
  'stack.stack_level': ofDetails('array', (details) =>
    details.exceptions.flatMap((exception, level) => exception.frames.map(() => level)),
  ),
};

const tagColumn = (key: string): Column =>
  ofEvent('string', (event) => event.tags.find(([name]) => name === key)?.[1] ?? null);

/**
 * The column a field names, or undefined when this server cannot answer it. A bare name that is not a built-in field is
 * a tag, as in Sentry, but only one the server has seen: any other (a performance field such as `transaction.duration`)
 * is refused rather than answered as an empty tag.
 */
export function columnOf(field: string, tagKeys: ReadonlySet<string>): Column | undefined {
  const known = builtIn[field];
  if (known) return known;
  const tag = /^tags\[([^\],]+)(?:,\s*string)?\]$/.exec(field)?.[1];
  if (tag !== undefined) return tagColumn(tag.trim());
  return tagKeys.has(field) ? tagColumn(field) : undefined;
}

/** The column of a plain field, or Sentry's 400 naming the field. */
export function requireColumn(field: string, tagKeys: ReadonlySet<string>): Column {
  const column = columnOf(field, tagKeys);
  if (column === undefined)
    throw new AnswerNow(
      detail(400, `Unknown field: ${field}. This server answers error events' fields and their tags.`),
    );
  return column;
}

/** The type of a field or aggregate, or Sentry's 400 for one this server does not answer. */
export function fieldTypeOf(field: string, tagKeys: ReadonlySet<string>): FieldType {
  return isAggregate(field) ? aggregateOf(field, tagKeys).type : requireColumn(field, tagKeys).type;
}

/** `count()` and friends: a field of the form `name(argument)`. */
export function isAggregate(field: string): boolean {
  return /^[a-z_][a-z0-9_]*\(.*\)$/.test(field);
}

function newest(items: readonly DiscoverItem[]): DiscoverEvent | undefined {
  let best: DiscoverEvent | undefined;
  for (const { event } of items) if (best === undefined || event.timestamp >= best.timestamp) best = event;
  return best;
}

/** The aggregate a field names; Sentry's 400 when the function or its argument is not one this server computes. */
export function aggregateOf(field: string, tagKeys: ReadonlySet<string>): Aggregate {
  const [, name = '', argument = ''] = /^([a-z_][a-z0-9_]*)\((.*)\)$/.exec(field) ?? [];
  const bare = argument.trim();
  switch (name) {
    case 'count':
      return { type: 'integer', needsDetails: false, value: (items) => items.length };
    case 'latest_event':
      return { type: 'string', needsDetails: false, value: (items) => newest(items)?.eventId ?? null };
    case 'last_seen':
      return { type: 'date', needsDetails: false, value: (items) => discoverDate(newest(items)?.timestamp ?? 0) };
    case 'count_unique': {
      const column = columnOf(bare, tagKeys);
      if (column === undefined || column.type === 'array')
        throw new AnswerNow(detail(400, `${field}: ${bare || 'its argument'} is not a field count_unique can count`));
      return {
        type: 'integer',
        needsDetails: column.needsDetails,
        value: (items) =>
          new Set(items.map((item) => column.cell(item)).filter((value) => value !== null && value !== undefined)).size,
      };
    }
    default:
      throw new AnswerNow(detail(400, `${name || field} is not a valid function`));
  }
}

/** Every built-in field, for error messages that say what can be asked. */
export const builtInFields: readonly string[] = Object.keys(builtIn);
