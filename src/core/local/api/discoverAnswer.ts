// `GET /api/0/organizations/{org}/events/` over error events, as sentry.io answers it (the test fake Sentry answers with
// this module too): `field` (1 to 20; an aggregate among them groups the rows by the other fields), `query`,
// `environment`, `sort` (a selected field, `-` for descending), `per_page` (at most 100) and page cursors; the answer is
// `{data, meta: {fields, units}}` with each row keyed by the fields exactly as asked. The caller scopes the events to
// the organization's projects and the time window.
import { AnswerNow, detail, json, type ApiAnswer } from './apiAnswer';
import { aggregateOf, isAggregate, requireColumn, type FieldType } from './discoverColumns';
import type { DiscoverEvent, DiscoverItem } from './discoverEvent';
import { discoverFilter } from './discoverSearch';
import { linkHeader, offsetPage, pageSize, parseCursor, type Page } from './pagination';

export const MAX_FIELDS = 20;
/** Bodies read from the local store's log at once. */
const DETAIL_READS_AT_ONCE = 16;
/** The datasets whose rows are error events; `discover` is the older name the client may still send. */
export const ERROR_DATASETS = ['errors', 'discover'];

export interface DiscoverRequest {
  readonly query: URLSearchParams;
  /** For the Link header: the origin the client addressed and the request's path. */
  readonly origin: string;
  readonly path: string;
  /** Tag keys the server has seen: a bare field or search key among them is a tag. */
  readonly tagKeys: ReadonlySet<string>;
}

type Row = Record<string, unknown>;

interface Table {
  readonly types: Record<string, FieldType>;
  /** An aggregate among the fields: one row per group of events alike in the other fields. */
  readonly grouped: boolean;
  /** Which fields need the events' details. */
  needsDetails(field: string): boolean;
  cell(field: string, item: DiscoverItem): unknown;
  row(item: DiscoverItem): Row;
  groupRows(items: readonly DiscoverItem[]): Row[];
}

/** The selected fields as a table builder, or Sentry's 400 for a field this server does not answer. */
function tableOf(fields: readonly string[], tagKeys: ReadonlySet<string>): Table {
  if (fields.length === 0) throw new AnswerNow(detail(400, 'No columns selected'));
  if (fields.length > MAX_FIELDS)
    throw new AnswerNow(
      detail(400, `You can view up to ${MAX_FIELDS} fields at a time. Please delete some and try again.`),
    );
  const plain = fields.filter((field) => !isAggregate(field));
  const columns = new Map(plain.map((field) => [field, requireColumn(field, tagKeys)] as const));
  const aggregates = new Map(fields.filter(isAggregate).map((field) => [field, aggregateOf(field, tagKeys)] as const));
  const types = Object.fromEntries(
    fields.map((field) => [field, aggregates.get(field)?.type ?? columns.get(field)?.type ?? 'string']),
  );
  const cell = (field: string, item: DiscoverItem): unknown => columns.get(field)?.cell(item) ?? null;
  return {
    types,
    grouped: aggregates.size > 0,
    needsDetails: (field) => (columns.get(field) ?? aggregates.get(field))?.needsDetails ?? false,
    cell,
    row: (item) => Object.fromEntries(fields.map((field) => [field, cell(field, item)])),
    groupRows: (items) => {
      const groups = new Map<string, DiscoverItem[]>();
      for (const item of items) {
        const key = JSON.stringify(plain.map((field) => cell(field, item)));
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
      }
      return [...groups.values()].map((group) =>
        Object.fromEntries(
          fields.map((field) => [
            field,
            aggregates.get(field)?.value(group) ?? (group[0] === undefined ? null : cell(field, group[0])),
          ]),
        ),
      );
    },
  };
}

interface Sort {
  readonly field: string;
  readonly descending: boolean;
}

/** `sort`, which must name a selected field (`-` for descending), or undefined when absent. */
function sortOf(sort: string | null, fields: readonly string[]): Sort | undefined {
  if (!sort) return undefined;
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  if (!fields.includes(field)) throw new AnswerNow(detail(400, 'Cannot sort by a field that is not selected.'));
  return { field, descending };
}

function sortKey(value: unknown): number | string {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** Stable, so items with equal keys keep their order; each item's key is computed once. */
function sortedBy<T>(items: readonly T[], value: (item: T) => unknown, descending: boolean): T[] {
  const direction = descending ? -1 : 1;
  return items
    .map((item) => ({ item, key: sortKey(value(item)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * direction)
    .map(({ item }) => item);
}

export function requireErrorDataset(query: URLSearchParams): string {
  const dataset = query.get('dataset') ?? 'discover';
  if (!ERROR_DATASETS.includes(dataset))
    throw new AnswerNow(
      detail(400, `dataset must be one of ${ERROR_DATASETS.join(', ')} on this server (it keeps error events only)`),
    );
  return dataset;
}

/** The items with their details, read where `needed` (the local server reads bodies from disk, a few at a time). */
async function withDetails(items: readonly DiscoverItem[], needed: boolean): Promise<DiscoverItem[]> {
  if (!needed) return [...items];
  const done: DiscoverItem[] = [];
  for (let start = 0; start < items.length; start += DETAIL_READS_AT_ONCE)
    done.push(
      ...(await Promise.all(
        items
          .slice(start, start + DETAIL_READS_AT_ONCE)
          .map(async (item) =>
            item.details === undefined ? { event: item.event, details: await item.event.details() } : item,
          ),
      )),
    );
  return done;
}

export async function discoverAnswer(events: readonly DiscoverEvent[], request: DiscoverRequest): Promise<ApiAnswer> {
  const { query } = request;
  const dataset = requireErrorDataset(query);
  const fields = query.getAll('field').filter((field) => field !== '');
  const table = tableOf(fields, request.tagKeys);
  const filter = discoverFilter(query.get('query') ?? '', request.tagKeys);
  const sort = sortOf(query.get('sort'), fields);
  const cursor = parseCursor(query.get('cursor'));
  const perPage = pageSize(query.get('per_page'), 100);
  const environments = query.getAll('environment').filter((environment) => environment !== '');
  // What the stored records answer narrows the events first: details are read only for those left, and only when a
  // term, the sort or a grouped field needs them; rows without an aggregate are built for the page alone.
  let matching = events
    .filter(
      (event) => environments.length === 0 || (event.environment !== null && environments.includes(event.environment)),
    )
    .map((event): DiscoverItem => ({ event }))
    .filter(filter.onRecord);
  if (filter.onDetails !== undefined) matching = (await withDetails(matching, true)).filter(filter.onDetails);
  let page: Page<Row>;
  if (table.grouped) {
    const rows = table.groupRows(await withDetails(matching, fields.some(table.needsDetails)));
    page = offsetPage(sort ? sortedBy(rows, (row) => row[sort.field], sort.descending) : rows, cursor, perPage);
  } else {
    const ordered = sort
      ? sortedBy(
          await withDetails(matching, table.needsDetails(sort.field)),
          (item) => table.cell(sort.field, item),
          sort.descending,
        )
      : matching;
    const items = offsetPage(ordered, cursor, perPage);
    page = { ...items, items: (await withDetails(items.items, fields.some(table.needsDetails))).map(table.row) };
  }
  const meta = {
    fields: table.types,
    units: Object.fromEntries(fields.map((field) => [field, null])),
    isMetricsData: false,
    isMetricsExtractedData: false,
    tips: {},
    datasetReason: 'unchanged',
    dataset,
  };
  return json({ data: page.items, meta }, 200, { Link: linkHeader(request.origin, request.path, query, page) });
}
