// The whole page for one state: a loading or error message, or the issue with all its sections.
import { button, h, section } from '../dom';
import { icon } from '../icons';
import { shownActions, shownHeader, type PanelState } from '../panelState';
import { renderBreadcrumbs, renderEventFacts, renderRequest, renderTags, renderUser } from './eventDetails';
import { renderCause } from './cause';
import { renderExceptions } from './exceptions';
import { renderHeader } from './header';
import { renderImpact } from './impact';
import type { PageActions } from './pageActions';

function errorBanner(message: string, page: PageActions): HTMLElement {
  return h(
    'div',
    { className: 'banner error', testId: 'load-error', attrs: { role: 'alert' } },
    h('p', {}, message),
    button({
      label: 'Retry',
      icon: icon('refresh'),
      className: 'secondary',
      testId: 'retry',
      focusKey: 'retry',
      onClick: () => page.refresh(),
    }),
  );
}

export function renderPage(state: PanelState, page: PageActions): Node[] {
  const header = shownHeader(state);
  const model = state.model;
  const status = h(
    'p',
    { className: 'loading', testId: 'loading', attrs: { role: 'status' } },
    state.loading ? 'Loading the issue…' : '',
  );
  if (!model || !header)
    return [status, state.error ? errorBanner(state.error, page) : undefined].filter(
      (node): node is HTMLElement => node !== undefined,
    );
  const event = model.event;
  const stack = event
    ? section(
        'stack',
        event.exceptions.some((exception) => exception.kind === 'exception') ? 'Exception' : 'Stack trace',
        renderEventFacts(event),
        event.exceptions.some((exception) => exception.frames.length > 0) &&
          button({
            label: 'Replay in Debugger',
            icon: icon('debug'),
            className: 'secondary replay',
            testId: 'replay-in-debugger',
            focusKey: 'replay',
            title: 'Open this event as a stopped debug session: its call stack and variables',
            onClick: () => page.replay(),
          }),
        button({
          label: 'Explain with AI',
          icon: icon('sparkle'),
          className: 'secondary ask-assistant',
          testId: 'explain-with-ai',
          focusKey: 'explainWithAi',
          title:
            "Ask the editor's AI chat (@sentry /explain) about this issue, or copy its scrubbed context where there is no chat",
          onClick: () => page.askAssistant('explain'),
        }),
        button({
          label: 'Fix with AI',
          icon: icon('sparkle'),
          className: 'secondary ask-assistant',
          testId: 'fix-with-ai',
          focusKey: 'fixWithAi',
          title:
            "Ask the editor's AI chat (@sentry /fix) for a fix, or copy the issue's scrubbed context where there is no chat",
          onClick: () => page.askAssistant('fix'),
        }),
        event.message && h('p', { className: 'event-message', testId: 'event-message' }, event.message),
        ...renderExceptions(event.exceptions, page),
      )
    : section('stack', 'Exception', h('p', { className: 'muted' }, 'No event of this issue could be loaded.'));
  return [
    status,
    state.error ? errorBanner(state.error, page) : undefined,
    renderHeader(header, state, shownActions(state), page),
    h(
      'main',
      {},
      renderImpact(model.impact),
      stack,
      model.cause && renderCause(model.cause, page),
      event && renderBreadcrumbs(event),
      event && renderTags(event),
      event && renderRequest(event.request),
      event && renderUser(event.user, page),
    ),
  ].filter((node): node is HTMLElement => node !== undefined);
}
