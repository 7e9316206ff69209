// GlitchTip's pagination: opaque urlsafe-base64 cursors and its Link header, which arrives wrapped as a Python set.

export class GlitchtipCursorError extends Error {}

export interface GlitchtipPage<T> {
  items: T[];
  start: number;
  end: number;
  total: number;
}

/** `p=<position>&r=<reverse>&o=0` in urlsafe base64 (it starts `cD0`, like django-ninja-cursor-pagination's). */
export function encodeGlitchtipCursor(position: number, reverse: boolean): string {
  return Buffer.from(`p=${position}&r=${reverse ? 1 : 0}&o=0`).toString('base64url');
}

function decodeCursor(cursor: string): { position: number; reverse: boolean } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^p=(\d+)&r=([01])&o=0$/.exec(text);
  if (!match) throw new GlitchtipCursorError('Invalid cursor');
  return { position: Number(match[1]), reverse: match[2] === '1' };
}

export function glitchtipPage<T>(items: T[], cursor: string | null, limit: number): GlitchtipPage<T> {
  let start = 0;
  if (cursor) {
    const decoded = decodeCursor(cursor);
    start = decoded.reverse ? Math.max(0, decoded.position - limit) : decoded.position;
  }
  start = Math.min(start, items.length);
  const end = Math.min(start + limit, items.length);
  return { items: items.slice(start, end), start, end, total: items.length };
}

/**
 * GlitchTip builds `'<url>; rel="previous"; results="..."[; cursor="..."], <url>; rel="next"; ...'` and assigns it as
 * a Python set, so the header reads `{'...'}`. A link without a page has `results="false"`, no cursor attribute, and
 * the request's own URL (which still holds the request's cursor, if it had one).
 */
export function glitchtipLinkHeader(requestUrl: string, page: GlitchtipPage<unknown>): string {
  const withCursor = (cursor: string): string => {
    const url = new URL(requestUrl);
    url.searchParams.set('cursor', cursor);
    return url.toString();
  };
  const link = (rel: 'previous' | 'next', cursor: string | null): string =>
    cursor === null
      ? `<${requestUrl}>; rel="${rel}"; results="false"`
      : `<${withCursor(cursor)}>; rel="${rel}"; results="true"; cursor="${cursor}"`;
  const previous = page.start > 0 ? encodeGlitchtipCursor(page.start, true) : null;
  const next = page.end < page.total ? encodeGlitchtipCursor(page.end, false) : null;
  return `{'${link('previous', previous)}, ${link('next', next)}'}`;
}

/** GlitchTip's `limit` parameter: default 50 (NINJA_PAGINATION_PER_PAGE), clamped to 100. */
export function glitchtipLimit(raw: string | null): number {
  const size = Number(raw);
  if (raw === null || raw === '' || !Number.isInteger(size) || size < 1) return 50;
  return Math.min(size, 100);
}
