// Which events a Discover query keeps: `key:value` terms over the columns (any element of an array column), `has:`,
// negation, `[a, b]` lists and `*` globs, and free words matched in the title and message. A term this server cannot
// judge (an unknown key, a comparison) is Sentry's 400, never a silent empty answer.
import { AnswerNow, detail } from './apiAnswer';
import { columnOf, type Column } from './discoverColumns';
import type { DiscoverItem } from './discoverEvent';
import { globMatches } from './globMatch';
import { parseIssueSearch, type SearchFilter } from './issueSearchQuery';

const invalid = (message: string): AnswerNow => new AnswerNow(detail(400, `Invalid query. ${message}`));

export type ItemPredicate = (item: DiscoverItem) => boolean;

/** A query in two stages: what the stored record answers, then what needs the event's details . */
export interface DiscoverFilter {
  readonly onRecord: ItemPredicate;
  /** Undefined when no term needs the details. */
  readonly onDetails: ItemPredicate | undefined;
}

interface Term {
  readonly needsDetails: boolean;
  readonly test: ItemPredicate;
}

/** The events a query keeps. */
export function discoverFilter(query: string, tagKeys: ReadonlySet<string>): DiscoverFilter {
  const search = parseIssueSearch(query);
  const words = search.text.map((word) => word.toLowerCase());
  const terms = search.filters.map((filter) => termOf(filter, tagKeys));
  if (words.length > 0)
    terms.push({
      needsDetails: true,
      test: ({ details }) =>
        details !== undefined &&
        words.every((word) => `${details.title} ${details.message}`.toLowerCase().includes(word)),
    });
  const all =
    (chosen: readonly Term[]): ItemPredicate =>
    (item) =>
      chosen.every((term) => term.test(item));
  const detailed = terms.filter((term) => term.needsDetails);
  return {
    onRecord: all(terms.filter((term) => !term.needsDetails)),
    onDetails: detailed.length > 0 ? all(detailed) : undefined,
  };
}

function termOf(filter: SearchFilter, tagKeys: ReadonlySet<string>): Term {
  if (filter.key === 'has') {
    const columns = filter.values.map((key) => knownColumn(key, tagKeys));
    return {
      needsDetails: columns.some((column) => column.needsDetails),
      test: (item) => columns.some((column) => present(column.cell(item))) !== filter.negated,
    };
  }
  const column = knownColumn(filter.key, tagKeys);
  const comparison = filter.values.find((value) => /^[<>]=?/.test(value));
  if (comparison !== undefined)
    throw invalid(`Comparisons such as ${filter.key}:${comparison} are not supported by this server.`);
  return {
    needsDetails: column.needsDetails,
    test: (item) => matchesCell(column.cell(item), filter.values) !== filter.negated,
  };
}

function knownColumn(key: string, tagKeys: ReadonlySet<string>): Column {
  const column = columnOf(key, tagKeys);
  if (column === undefined) throw invalid(`Events cannot be searched by ${key} on this server.`);
  return column;
}

function present(cell: unknown): boolean {
  return Array.isArray(cell) ? cell.some((value) => value !== null) : cell !== null && cell !== undefined;
}

function matchesCell(cell: unknown, wanted: readonly string[]): boolean {
  const values = (Array.isArray(cell) ? cell : [cell]) as unknown[];
  return values.some((value) => value !== null && wanted.some((pattern) => globMatches(pattern, String(value))));
}
