// A request's path and query as `new URL(target, base)` reads them, without building a URL for the plain targets SDKs
// post events to (`/api/1/envelope/?sentry_key=…`): parsing a URL per event was about 2% of the server's CPU for a
// small event. Anything else (dots, escapes, an absolute form, other characters) still goes through URL.

/** What routing and ingest read of the target. */
export interface RequestTarget {
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
}

/**
 * Paths of letters, digits, `_`, `-` and slashes, and queries of characters URL neither escapes nor reads: for these,
 * URL's pathname is the path as written and its search the query as written (no dot segments, no escapes, no
 * fragment). A target starting with `//` names a host instead, and is left to URL.
 */
const PLAIN_TARGET = /^(\/[A-Za-z0-9_\-/]*)(?:\?([A-Za-z0-9_\-.~=&+%]*))?$/;

/** Origins (`http://<Host header>`) known to parse or not: a server sees the same one or two. */
const originVerdicts = new Map<string, boolean>();
const MAX_ORIGIN_VERDICTS = 64;

/** The target's path and query, read as `new URL(target, origin)` reads them; throws where it throws (a bad origin). */
export function requestTargetOf(target: string, origin: string): RequestTarget {
  const plain = target.startsWith('//') || !parses(origin) ? null : PLAIN_TARGET.exec(target);
  if (plain === null) return new URL(target, origin);
  const query = plain[2];
  return { pathname: plain[1] ?? '/', searchParams: new URLSearchParams(query === undefined ? '' : query) };
}

function parses(origin: string): boolean {
  let verdict = originVerdicts.get(origin);
  if (verdict === undefined) {
    verdict = URL.canParse(origin);
    if (originVerdicts.size >= MAX_ORIGIN_VERDICTS) originVerdicts.clear();
    originVerdicts.set(origin, verdict);
  }
  return verdict;
}
