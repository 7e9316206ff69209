// Sentry's cursor pagination: `value:offset:is_prev` cursors (keyset for issues, page numbers for other lists) and the Link header.

export interface SentryCursor {
  value: number;
  offset: number;
  isPrev: boolean;
}

export class CursorError extends Error {}

export function parseCursor(text: string | null): SentryCursor | null {
  if (text === null || text === '') return null;
  const match = /^(-?\d+(?:\.\d+)?):(-?\d+):([01])$/.exec(text);
  if (!match) throw new CursorError('Invalid cursor parameter.');
  return { value: Number(match[1]), offset: Number(match[2]), isPrev: match[3] === '1' };
}

export function formatCursor(cursor: SentryCursor): string {
  return `${cursor.value}:${cursor.offset}:${cursor.isPrev ? 1 : 0}`;
}

export interface PageLinks {
  prev: SentryCursor;
  hasPrev: boolean;
  next: SentryCursor;
  hasNext: boolean;
}

export interface Page<T> extends PageLinks {
  items: T[];
}

/**
 * Keyset paging over items sorted by descending score, as Sentry pages issues: a cursor names a score and how many
 * items with that score to skip, so it stays valid when the score is a timestamp shared by several issues.
 */
export function keysetPage<T>(sorted: T[], score: (item: T) => number, cursor: SentryCursor | null, limit: number): Page<T> {
  const position = (c: SentryCursor): number => {
    const first = sorted.findIndex((item) => score(item) <= c.value);
    return (first < 0 ? sorted.length : first) + c.offset;
  };
  const at = (index: number, isPrev: boolean): SentryCursor => {
    const clamped = Math.min(index, sorted.length - 1);
    const anchor = sorted[clamped];
    if (anchor === undefined) return { value: 0, offset: 0, isPrev };
    const value = score(anchor);
    return { value, offset: index - sorted.findIndex((item) => score(item) === value), isPrev };
  };
  let start = cursor ? position(cursor) : 0;
  if (cursor?.isPrev) start = Math.max(0, start - limit);
  start = Math.min(Math.max(start, 0), sorted.length);
  const end = Math.min(start + limit, sorted.length);
  return { items: sorted.slice(start, end), prev: at(start, true), hasPrev: start > 0, next: at(end, false), hasNext: end < sorted.length };
}

/** Sentry's OffsetPaginator: the cursor is `per_page:page:is_prev`. */
export function offsetPage<T>(items: T[], cursor: SentryCursor | null, perPage: number): Page<T> {
  const page = Math.max(0, cursor?.offset ?? 0);
  const size = cursor && cursor.value > 0 ? cursor.value : perPage;
  const start = page * size;
  const end = Math.min(start + size, items.length);
  return {
    items: items.slice(start, end),
    prev: { value: size, offset: page - 1, isPrev: true },
    hasPrev: page > 0,
    next: { value: size, offset: page + 1, isPrev: false },
    hasNext: end < items.length,
  };
}

/**
 * `<{origin}{path}?{query without cursor}&cursor={c}>; rel="previous"; results="..."; cursor="{c}", <...>; rel="next"; ...`
 * exactly as Sentry's CURSOR_LINK_HEADER: both links always present.
 */
export function sentryLinkHeader(origin: string, path: string, query: URLSearchParams, links: PageLinks): string {
  const rest = new URLSearchParams(query);
  rest.delete('cursor');
  const base = `${origin}${path}?${rest.toString()}`;
  const link = (rel: 'previous' | 'next', cursor: SentryCursor, results: boolean): string => {
    const text = formatCursor(cursor);
    return `<${base}&cursor=${text}>; rel="${rel}"; results="${results}"; cursor="${text}"`;
  };
  return `${link('previous', links.prev, links.hasPrev)}, ${link('next', links.next, links.hasNext)}`;
}

/** `per_page` or `limit`: default, maximum 100, else Sentry's 400 text. */
export function pageSize(raw: string | null, fallback: number, maximum = 100): number {
  if (raw === null || raw === '') return fallback;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) throw new CursorError('Invalid per_page value.');
  if (size > maximum) throw new CursorError(`Invalid per_page value. Cannot exceed ${maximum}.`);
  return size;
}
