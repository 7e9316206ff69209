// Reads the `next` cursor from Sentry's and GlitchTip's `Link` pagination header.
// Only the cursor is taken: the URL in the header may name another host, and the token must never follow it.

export interface NextPage {
  readonly hasMore: boolean;
  readonly cursor?: string;
}

// Tolerant on purpose: GlitchTip wraps the header in `{'…'}` and omits `cursor=` on its last page (sentry-api-notes
// §7).
const linkPattern = /<([^>]*)>\s*;\s*rel="(next|previous)"\s*;\s*results="(true|false)"(?:\s*;\s*cursor="([^"]*)")?/g;

export function parseNextPage(header: string | undefined): NextPage {
  if (!header) return { hasMore: false };
  for (const match of header.matchAll(linkPattern)) {
    const [, url = '', rel, results, cursorAttribute] = match;
    if (rel !== 'next') continue;
    const cursor = cursorAttribute ?? cursorFromUrl(url);
    return results === 'true' && cursor ? { hasMore: true, cursor } : { hasMore: false };
  }
  return { hasMore: false };
}

function cursorFromUrl(url: string): string | undefined {
  const query = url.indexOf('?');
  if (query < 0) return undefined;
  return new URLSearchParams(url.slice(query + 1)).get('cursor') ?? undefined;
}
