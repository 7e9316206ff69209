// Sentry's issue-list sort orders, as the local Sentry answers them and the test fake Sentry does too: which names the
// `sort` parameter takes, the number each one sorts by (descending, and what its cursors carry), and the tie rule
// that keeps pages stable.
const issueSorts = ['date', 'new', 'freq', 'user', 'trends', 'inbox', 'recommended', 'priority'] as const;
export type IssueSortName = (typeof issueSorts)[number];

/** What a sort reads of an issue, in the request's scope (environments): dates in ms since the epoch. */
export interface SortFacts {
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly count: number;
  readonly userCount: number;
}

/** The `sort` parameter (default `date`); undefined for one Sentry does not know, which it answers with a 400. */
export function issueSortOf(raw: string | null): IssueSortName | undefined {
  const sort = raw ?? 'date';
  return (issueSorts as readonly string[]).includes(sort) ? (sort as IssueSortName) : undefined;
}

/** The number Sentry sorts by, descending, and puts in cursors: ms timestamps for dates, counts otherwise. */
export function sortScore(sort: IssueSortName, facts: SortFacts): number {
  switch (sort) {
    case 'new':
      return facts.firstSeen;
    case 'freq':
      return facts.count;
    case 'user':
      return facts.userCount;
    default:
      // trends, inbox, recommended and priority need data a local Sentry does not keep: by last seen, as `date`.
      return facts.lastSeen;
  }
}

/** Descending by score (ascending when asked), ties by id descending, so that pages are stable. */
export function sortedByScore<T extends { readonly id: string }>(
  items: readonly T[],
  score: (item: T) => number,
  ascending = false,
): T[] {
  const direction = ascending ? -1 : 1;
  return [...items].sort(
    (a, b) =>
      direction * (score(b) - score(a)) || Number(b.id) - Number(a.id) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}
