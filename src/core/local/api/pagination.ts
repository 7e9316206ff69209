// Sentry's cursor pagination: `value:offset:is_prev` cursors (keyset by sort score for issues, pages for other lists)
// and the Link header in the exact form of Sentry's CURSOR_LINK_HEADER, both links always present.
import { AnswerNow, detail } from './apiAnswer';

export interface Cursor {
  readonly value: number;
  readonly offset: number;
  readonly isPrev: boolean;
}

export interface Page<T> {
  readonly items: T[];
  readonly prev: Cursor;
  readonly hasPrev: boolean;
  readonly next: Cursor;
  readonly hasNext: boolean;
}

export function parseCursor(text: string | null): Cursor | undefined {
  if (text === null || text === '') return undefined;
  const match = /^(-?\d+(?:\.\d+)?):(\d+):([01])$/.exec(text);
  if (!match) throw new AnswerNow(detail(400, 'Invalid cursor parameter.'));
  return { value: Number(match[1]), offset: Number(match[2]), isPrev: match[3] === '1' };
}

export function formatCursor(cursor: Cursor): string {
  return `${cursor.value}:${cursor.offset}:${cursor.isPrev ? 1 : 0}`;
}

/** `limit` / `per_page`: the default when absent, at most `maximum`, else Sentry's 400. */
export function pageSize(raw: string | null, fallback: number, maximum = 100): number {
  if (raw === null || raw === '') return fallback;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) throw new AnswerNow(detail(400, 'Invalid per_page value.'));
  if (size > maximum) throw new AnswerNow(detail(400, `Invalid per_page value. Cannot exceed ${maximum}.`));
  return size;
}

/**
 * Keyset paging over items sorted by descending score, as Sentry pages issues: a cursor names a score and how many
 * items with that score to skip, so a page stays where it was when new issues arrive at the top.
 */
export function keysetPage<T>(
  sorted: readonly T[],
  score: (item: T) => number,
  cursor: Cursor | undefined,
  limit: number,
): Page<T> {
  const positionOf = (at: Cursor): number => {
    const first = sorted.findIndex((item) => score(item) <= at.value);
    return (first < 0 ? sorted.length : first) + at.offset;
  };
  const cursorAt = (index: number, isPrev: boolean): Cursor => {
    const anchor = sorted[Math.min(index, sorted.length - 1)];
    if (anchor === undefined) return { value: 0, offset: 0, isPrev };
    const value = score(anchor);
    return { value, offset: index - sorted.findIndex((item) => score(item) === value), isPrev };
  };
  let start = cursor ? positionOf(cursor) : 0;
  if (cursor?.isPrev) start -= limit;
  start = Math.min(Math.max(start, 0), sorted.length);
  const end = Math.min(start + limit, sorted.length);
  return {
    items: sorted.slice(start, end),
    prev: cursorAt(start, true),
    hasPrev: start > 0,
    next: cursorAt(end, false),
    hasNext: end < sorted.length,
  };
}

/** Sentry's OffsetPaginator: the cursor is `per_page:page:is_prev`. */
export function offsetPage<T>(items: readonly T[], cursor: Cursor | undefined, perPage: number): Page<T> {
  const page = cursor?.offset ?? 0;
  const size = cursor !== undefined && cursor.value > 0 ? Math.min(cursor.value, 100) : perPage;
  const start = page * size;
  const end = Math.min(start + size, items.length);
  return {
    items: items.slice(start, end),
    prev: { value: size, offset: Math.max(page - 1, 0), isPrev: true },
    hasPrev: page > 0,
    next: { value: size, offset: page + 1, isPrev: false },
    hasNext: end < items.length,
  };
}

/** `<url&cursor=c>; rel="previous"; results="…"; cursor="c", <url&cursor=c>; rel="next"; results="…"; cursor="c"`. */
export function linkHeader(
  origin: string,
  path: string,
  query: URLSearchParams,
  page: Pick<Page<unknown>, 'prev' | 'hasPrev' | 'next' | 'hasNext'>,
): string {
  const rest = new URLSearchParams(query);
  rest.delete('cursor');
  const base = `${origin}${path}?${rest.toString()}`;
  const link = (rel: 'previous' | 'next', cursor: Cursor, results: boolean): string => {
    const text = formatCursor(cursor);
    return `<${base}&cursor=${text}>; rel="${rel}"; results="${results}"; cursor="${text}"`;
  };
  return `${link('previous', page.prev, page.hasPrev)}, ${link('next', page.next, page.hasNext)}`;
}
