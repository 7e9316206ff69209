// The top of the page: title, short id, level, status, assignee, and the triage bar with its outcome message.
import type { HeaderView, TriageAction } from '../../core/format/issueViewModel';
import { triageLabels } from '../../core/format/triageActions';
import { button, h } from '../dom';
import { icon, type IconName } from '../icons';
import type { PanelState } from '../panelState';
import type { PageActions } from './pageActions';

const triageIcons: Readonly<Record<TriageAction, IconName>> = {
  resolve: 'check',
  resolveInNextRelease: 'checkAll',
  unresolve: 'reopen',
  archive: 'archive',
  assignToMe: 'person',
};

function badge(text: string, className: string, testId?: string): HTMLElement {
  return h('span', { className: `badge ${className}`, testId }, text);
}

function headerMeta(header: HeaderView): HTMLElement {
  return h(
    'div',
    { className: 'meta' },
    h('span', { className: 'short-id', testId: 'issue-short-id' }, header.shortId),
    badge(header.level, `level level-${header.level.replace(/[^a-z]/gi, '')}`, 'issue-level'),
    badge(header.status.label, `status status-${header.status.status.replace(/[^a-z]/gi, '')}`, 'status-badge'),
    header.story && badge(header.story.headline, `story story-${header.story.kind}`, 'issue-story'),
    h(
      'span',
      { className: 'assignee', testId: 'issue-assignee' },
      header.assignee ? `Assigned to ${header.assignee}` : 'Unassigned',
    ),
    header.project && h('span', { className: 'project' }, header.project),
  );
}

function triageBar(
  header: HeaderView,
  state: PanelState,
  actions: readonly TriageAction[],
  page: PageActions,
): HTMLElement {
  const busy = state.pending !== undefined;
  const triageButtons = actions.map((action) =>
    button({
      label: triageLabels[action],
      icon: icon(triageIcons[action]),
      className: action === 'resolve' ? 'primary' : 'secondary',
      testId: `triage-${action}`,
      focusKey: `triage-${action}`,
      disabled: busy,
      onClick: () => page.triage(action),
    }),
  );
  const linkButtons = header.permalink
    ? [
        button({
          label: 'Open in Sentry',
          icon: icon('external'),
          className: 'secondary',
          testId: 'open-in-sentry',
          focusKey: 'open-in-sentry',
          title: header.permalink,
          onClick: () => page.openInSentry(),
        }),
        button({
          label: 'Copy Link',
          icon: icon('copy'),
          className: 'secondary',
          testId: 'copy-link',
          focusKey: 'copy-link',
          onClick: () => page.copyLink(),
        }),
      ]
    : [];
  const refresh = button({
    label: 'Refresh',
    icon: icon('refresh'),
    className: 'secondary',
    testId: 'refresh',
    focusKey: 'refresh',
    onClick: () => page.refresh(),
  });
  return h(
    'div',
    { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Issue actions', 'aria-busy': String(busy) } },
    ...triageButtons,
    ...linkButtons,
    refresh,
  );
}

export function renderHeader(
  header: HeaderView,
  state: PanelState,
  actions: readonly TriageAction[],
  page: PageActions,
): HTMLElement {
  return h(
    'header',
    { className: 'issue-header' },
    h('h1', { testId: 'issue-title' }, header.title),
    header.culprit && h('p', { className: 'culprit', testId: 'issue-culprit' }, header.culprit),
    headerMeta(header),
    triageBar(header, state, actions, page),
    // Always in the page so screen readers announce a refusal when its text appears.
    h(
      'p',
      { className: state.notice ? 'notice error' : 'notice', testId: 'triage-notice', attrs: { role: 'alert' } },
      state.notice ?? '',
    ),
  );
}
