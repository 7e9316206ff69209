// The organization events endpoint (Discover) over the error events, as sentry.io answers it: `field` (at most 20),
// `query` (`issue.id:[…]`, `id:[…]`, `release:`, `project.id:`), `project`, `environment`, `statsPeriod`, `sort`,
// `per_page` (at most 100) and page cursors; `{data, meta: {fields, units}}` with rows keyed by the fields as asked.
// A function among the fields (`latest_event()`, `count()`, `last_seen()`) groups the rows by the other fields. The
// `stack.*` fields are arrays aligned per frame over all exceptions (cause first), `stack.stack_level` the exception's
// index, as Snuba stores `exception_frames`. `discover: false` answers 404, as a server without the feature does.
import { AnswerNow, detail, json, type Answer } from '../answer';
import { scopesFor } from '../auth';
import { queryList, type RouteContext } from '../context';
import { eventsOldestFirst } from '../eventJson';
import { parseIssueQuery, type SearchFilter } from '../issueQuery';
import type { JsonObject, JsonValue } from '../json';
import type { FakeEvent, FakeFrame, FakeIssue } from '../model';
import { offsetPage, pageSize, parseCursor, sentryLinkHeader } from '../pagination';
import type { Route } from '../router';
import { linkOrigin } from './lists';
import { findOrganization, notFound, organizationProjects } from './lookup';
import { timeWindow } from './timeWindow';

const maxFields = 20;

interface EventRow {
  readonly issue: FakeIssue;
  readonly event: FakeEvent;
}

type FieldType = 'string' | 'integer' | 'date' | 'array' | 'boolean';

const frameFields: Record<string, { type: FieldType; cell: (frame: FakeFrame) => JsonValue }> = {
  'stack.filename': { type: 'array', cell: (frame) => frame.filename },
  'stack.abs_path': { type: 'array', cell: (frame) => frame.absPath },
  'stack.module': { type: 'array', cell: (frame) => frame.module },
  'stack.function': { type: 'array', cell: (frame) => frame.function },
  'stack.lineno': { type: 'array', cell: (frame) => frame.lineNo },
  'stack.colno': { type: 'array', cell: (frame) => frame.colNo },
  'stack.in_app': { type: 'array', cell: (frame) => frame.inApp },
};

const plainFields: Record<string, { type: FieldType; value: (row: EventRow) => JsonValue }> = {
  id: { type: 'string', value: ({ event }) => event.eventID },
  'issue.id': { type: 'integer', value: ({ issue }) => Number(issue.id) },
  issue: { type: 'string', value: ({ issue }) => issue.shortId },
  'project.id': { type: 'integer', value: ({ issue }) => Number(issue.projectId) },
  title: { type: 'string', value: ({ issue }) => issue.title },
  timestamp: { type: 'date', value: ({ event }) => event.dateCreated },
  release: { type: 'string', value: ({ event }) => event.release },
  environment: { type: 'string', value: ({ event }) => event.environment },
  platform: { type: 'string', value: ({ event }) => event.platform },
  'stack.stack_level': {
    type: 'array',
    value: ({ event }) => event.exceptions.flatMap((exception, level) => exception.frames.map(() => level)),
  },
};

const functions: Record<string, { type: FieldType; value: (rows: readonly EventRow[]) => JsonValue }> = {
  'latest_event()': { type: 'string', value: (rows) => newest(rows).event.eventID },
  'last_seen()': { type: 'date', value: (rows) => newest(rows).event.dateCreated },
  'count()': { type: 'integer', value: (rows) => rows.length },
};

function fieldType(field: string): FieldType {
  return frameFields[field]?.type ?? plainFields[field]?.type ?? functions[field]?.type ?? 'string';
}

function fieldValue(field: string, row: EventRow): JsonValue {
  const frame = frameFields[field];
  if (frame) return row.event.exceptions.flatMap((exception) => exception.frames.map(frame.cell));
  // Any other name is a tag, as in Sentry: null where the event has none.
  return plainFields[field]?.value(row) ?? null;
}

function newest(rows: readonly EventRow[]): EventRow {
  return rows.reduce((best, row) =>
    Date.parse(row.event.dateCreated) >= Date.parse(best.event.dateCreated) ? row : best,
  );
}

const invalid = (message: string): AnswerNow => new AnswerNow(detail(400, message));

function matches(filter: SearchFilter, row: EventRow): boolean {
  const value = (() => {
    switch (filter.key) {
      case 'issue.id':
        return row.issue.id;
      case 'id':
        return row.event.eventID;
      case 'release':
        return row.event.release ?? '';
      case 'project.id':
        return row.issue.projectId;
      case 'environment':
        return row.event.environment;
      default:
        throw invalid(`Invalid query: the fake Sentry does not search by ${filter.key}.`);
    }
  })();
  return filter.values.includes(value) !== filter.negated;
}

/** The error events of the org's projects (those `project=` names), within the time window and environments. */
function scopedRows(context: RouteContext): EventRow[] {
  const org = findOrganization(context);
  const wanted = queryList(context, 'project');
  const projects = organizationProjects(context, org).filter(
    (project) =>
      wanted.length === 0 || wanted.includes('-1') || wanted.includes(project.id) || wanted.includes(project.slug),
  );
  if (wanted.length > 0 && !wanted.includes('-1') && projects.length < wanted.length)
    throw new AnswerNow({ status: 403, body: { detail: 'You do not have permission to perform this action.' } });
  const projectIds = new Set(projects.map((project) => project.id));
  const environments = queryList(context, 'environment');
  const window = timeWindow(context);
  const rows: EventRow[] = [];
  for (const issue of context.state.data.issues) {
    if (!projectIds.has(issue.projectId)) continue;
    for (const event of eventsOldestFirst(issue)) {
      const at = Date.parse(event.dateCreated);
      if (window && (at < window.start || at > window.end)) continue;
      if (environments.length > 0 && !environments.includes(event.environment)) continue;
      rows.push({ issue, event });
    }
  }
  return rows;
}

function tableRows(fields: readonly string[], rows: readonly EventRow[]): JsonObject[] {
  const aggregates = fields.filter((field) => field.endsWith(')'));
  if (aggregates.length === 0)
    return rows.map((row) => Object.fromEntries(fields.map((field) => [field, fieldValue(field, row)])));
  for (const name of aggregates) if (!functions[name]) throw invalid(`${name} is not a valid function`);
  const keys = fields.filter((field) => !field.endsWith(')'));
  const groups = new Map<string, EventRow[]>();
  for (const row of rows) {
    const key = JSON.stringify(keys.map((field) => fieldValue(field, row)));
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((group) =>
    Object.fromEntries(
      fields.map((field) => [field, functions[field]?.value(group) ?? fieldValue(field, group[0] as EventRow)]),
    ),
  );
}

function sorted(rows: JsonObject[], fields: readonly string[], sort: string | null): JsonObject[] {
  if (!sort) return rows;
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  if (!fields.includes(field)) throw invalid('Cannot sort by a field that is not selected.');
  const key = (row: JsonObject): string | number => {
    const value = row[field];
    return typeof value === 'number' ? value : String(value ?? '');
  };
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (descending ? -1 : 1));
}

function handle(context: RouteContext): Answer {
  if (context.state.options.discover === false) throw notFound(context);
  const dataset = context.query.get('dataset') ?? 'discover';
  if (dataset !== 'errors' && dataset !== 'discover')
    throw invalid(`dataset must be one of errors, discover; got ${dataset}`);
  const fields = queryList(context, 'field');
  if (fields.length === 0) throw invalid('No columns selected');
  if (fields.length > maxFields)
    throw invalid(`You can view up to ${maxFields} fields at a time. Please delete some and try again.`);
  const query = parseIssueQuery(context.query.get('query') ?? '');
  if (query.text.length > 0) throw invalid('Invalid query: the fake Sentry does not search free text in events.');
  const matching = scopedRows(context).filter((row) => query.filters.every((filter) => matches(filter, row)));
  const rows = sorted(tableRows(fields, matching), fields, context.query.get('sort'));
  const page = offsetPage(rows, parseCursor(context.query.get('cursor')), pageSize(context.query.get('per_page'), 100));
  const meta = {
    fields: Object.fromEntries(fields.map((field) => [field, fieldType(field)])),
    units: Object.fromEntries(fields.map((field) => [field, null])),
    isMetricsData: false,
    isMetricsExtractedData: false,
    tips: {},
    datasetReason: 'unchanged',
    dataset,
  };
  return json({ data: page.items, meta }, 200, {
    Link: sentryLinkHeader(linkOrigin(context), context.path, context.query, page),
  });
}

export const discoverRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/events/',
    scopes: scopesFor.eventRead,
    regionScoped: true,
    handle,
  },
];
