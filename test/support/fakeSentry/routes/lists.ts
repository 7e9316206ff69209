// Paginated list answers for the simple lists (organizations, projects, releases, members, code mappings), per backend.
import { Answer, json } from '../answer';
import { RouteContext } from '../context';
import { glitchtipLimit, glitchtipLinkHeader, glitchtipPage } from '../glitchtipPagination';
import { JsonValue } from '../json';
import { offsetPage, pageSize, parseCursor, sentryLinkHeader } from '../pagination';

export function requestUrl(context: RouteContext): string {
  const search = context.query.toString();
  return `${context.state.url}${context.path}${search ? `?${search}` : ''}`;
}

export function linkOrigin(context: RouteContext): string {
  return context.state.options.linkOrigin ?? context.state.url;
}

/** Sentry: `per_page` (max 100) and page-number cursors. GlitchTip: `limit` (default 50) and base64 cursors. */
export function pagedList<T>(context: RouteContext, items: T[], toJson: (item: T) => JsonValue): Answer {
  if (context.state.options.flavour === 'glitchtip') {
    const page = glitchtipPage(items, context.query.get('cursor'), glitchtipLimit(context.query.get('limit')));
    return json(page.items.map(toJson), 200, {
      Link: glitchtipLinkHeader(requestUrl(context).replace(context.state.url, linkOrigin(context)), page),
      'X-Hits': String(Math.min(page.total, 1000)),
      'X-Max-Hits': '1000',
    });
  }
  const page = offsetPage(
    items,
    parseCursor(context.query.get('cursor')),
    pageSize(context.query.get('per_page'), 100),
  );
  return json(page.items.map(toJson), 200, {
    Link: sentryLinkHeader(linkOrigin(context), context.path, context.query, page),
  });
}
