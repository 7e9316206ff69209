// The latest event's details below the stack trace: breadcrumbs, tags and contexts, the HTTP request and the user.
import type { BreadcrumbView, EventView, RequestView, UserView } from '../../core/format/issueViewModel';
import { button, h, keyValueTable, section } from '../dom';
import { icon } from '../icons';
import type { PageActions } from './pageActions';

function breadcrumbRow(crumb: BreadcrumbView): HTMLElement {
  return h(
    'tr',
    { className: `level-${crumb.level.replace(/[^a-z]/gi, '')}` },
    h(
      'td',
      { className: 'mono' },
      crumb.timestamp ? h('time', { attrs: { datetime: crumb.timestamp, title: crumb.timestamp } }, crumb.time) : '',
    ),
    h('td', {}, crumb.category),
    h('td', {}, crumb.level),
    h(
      'td',
      { className: 'crumb-message' },
      crumb.message && h('div', {}, crumb.message),
      crumb.data && h('div', { className: 'muted mono' }, crumb.data),
    ),
  );
}

export function renderBreadcrumbs(event: EventView): HTMLElement | undefined {
  if (event.breadcrumbs.length === 0) return undefined;
  return section(
    'breadcrumbs',
    'Breadcrumbs',
    h(
      'table',
      { className: 'breadcrumbs', testId: 'breadcrumbs-table' },
      h('caption', { className: 'visually-hidden' }, 'Breadcrumbs, newest first'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Time (UTC)', 'Category', 'Level', 'Message'].map((title) => h('th', { attrs: { scope: 'col' } }, title)),
        ),
      ),
      h('tbody', {}, ...event.breadcrumbs.map(breadcrumbRow)),
    ),
    event.omittedBreadcrumbs > 0 &&
      h('p', { className: 'muted' }, `${event.omittedBreadcrumbs} older breadcrumbs not shown.`),
  );
}

export function renderTags(event: EventView): HTMLElement | undefined {
  if (event.tags.length === 0 && event.contexts.length === 0) return undefined;
  const both = event.tags.length > 0 && event.contexts.length > 0;
  return section(
    'tags',
    'Tags',
    event.contexts.length > 0 && both && h('h3', {}, 'Contexts'),
    event.contexts.length > 0 && keyValueTable(event.contexts, 'contexts-table', 'Contexts'),
    event.tags.length > 0 && both && h('h3', {}, 'Event tags'),
    event.tags.length > 0 && keyValueTable(event.tags, 'tags-table', 'Tags'),
  );
}

function requestLine(request: RequestView): string {
  return [request.method, request.url].filter((part) => part !== undefined).join(' ');
}

export function renderRequest(request: RequestView | undefined): HTMLElement | undefined {
  if (!request) return undefined;
  return section(
    'request',
    'Request',
    h('p', { className: 'mono request-line', testId: 'request-line' }, requestLine(request)),
    request.query.length > 0 && h('h3', {}, 'Query'),
    request.query.length > 0 && keyValueTable(request.query, 'request-query', 'Query parameters'),
    request.headers.length > 0 && h('h3', {}, 'Headers'),
    request.headers.length > 0 && keyValueTable(request.headers, 'request-headers', 'Headers'),
    request.cookies && h('p', { className: 'muted' }, request.cookies),
    request.body !== undefined && h('h3', {}, 'Body'),
    request.body !== undefined && h('pre', { className: 'body' }, request.body),
  );
}

export function renderUser(user: UserView | undefined, page: PageActions): HTMLElement | undefined {
  if (!user) return undefined;
  return section(
    'user',
    'User',
    keyValueTable(user.fields, 'user-table', 'Affected user'),
    user.redacted &&
      h(
        'p',
        { className: 'muted' },
        'User data is hidden. ',
        button({
          label: 'Show user data setting',
          icon: icon('settings'),
          className: 'link',
          testId: 'user-data-setting',
          focusKey: 'user-data-setting',
          onClick: () => page.openUserDataSetting(),
        }),
      ),
  );
}

export function renderEventFacts(event: EventView): HTMLElement {
  return h(
    'p',
    { className: 'event-facts muted', testId: 'event-facts' },
    `Latest event ${event.id.slice(0, 12)}`,
    event.dateCreated && ' · ',
    event.dateCreated &&
      h(
        'time',
        { attrs: { datetime: event.dateCreated.iso, title: event.dateCreated.iso } },
        event.dateCreated.relative,
      ),
    event.release && ` · release ${event.release}`,
    event.environment && ` · ${event.environment}`,
  );
}
