// Entry of the issue panel's page: restores which issue it shows, says `ready`, validates every message from the host,
// and redraws the page from its state, keeping keyboard focus on the control that had it.
import type { TriageAction } from '../core/format/issueViewModel';
import { afterHostMessage, initialPanelState, startTriage, type PanelState } from './panelState';
import { issueIdSchema, parseHostMessage, type HostMessage } from './protocol';
import type { PageActions } from './render/pageActions';
import { renderPage } from './render/page';
import { Toggles } from './render/toggles';
import { connectToHost } from './vscodeApi';

const host = connectToHost();
const root = document.getElementById('root') ?? document.body;
const toggles = new Toggles();
let state: PanelState = initialPanelState;
let requestCount = 0;

/** The issue id the host wrote into the page; a reloaded page has it in its saved state as well. */
function initialIssueId(): string | undefined {
  const parsed = issueIdSchema.safeParse(document.body.dataset.issueId);
  return host.state()?.issueId ?? (parsed.success ? parsed.data : undefined);
}

let issueId = initialIssueId();
if (issueId) host.keep({ issueId });

function restoreFocus(focusKey: string | null | undefined): void {
  if (!focusKey) return;
  const target = root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`);
  // A triage button that no longer fits the new status is gone: the toolbar keeps the focus instead.
  const fallback = focusKey.startsWith('triage-') ? root.querySelector<HTMLElement>('[role="toolbar"] button') : null;
  (target ?? fallback)?.focus();
}

function redraw(): void {
  const focusKey = document.activeElement?.getAttribute('data-focus-key');
  root.replaceChildren(...renderPage(state, actions));
  document.title = state.model ? `${state.model.header.shortId}: ${state.model.header.title}` : 'Sentry Issue';
  restoreFocus(focusKey);
}

function triage(action: TriageAction): void {
  if (!issueId) return;
  const requestId = `t${Date.now().toString(36)}-${++requestCount}`;
  const next = startTriage(state, action, requestId);
  if (!next) return;
  state = next;
  redraw();
  host.post({ type: 'triage', requestId, issueId, change: { action } });
}

const actions: PageActions = {
  triage,
  openFrame: (link) => host.post({ type: 'openFrame', uri: link.uri, line: link.line }),
  openInSentry: () => host.post({ type: 'openInSentry' }),
  copyLink: () => host.post({ type: 'copyLink' }),
  replay: () => host.post({ type: 'replay' }),
  openCommit: (sha) => host.post({ type: 'openCommit', sha }),
  assignToOwner: () => host.post({ type: 'assignToOwner' }),
  askAssistant: (request) => host.post({ type: 'askAssistant', request }),
  refresh: () => host.post({ type: 'refresh' }),
  openUserDataSetting: () => host.post({ type: 'openUserDataSetting' }),
  toggle: (key, openByDefault) => {
    toggles.flip(key, openByDefault);
    redraw();
  },
  toggles,
};

function receive(message: HostMessage): void {
  if (message.type === 'issue' && message.model.issueId !== issueId) {
    issueId = message.model.issueId;
    toggles.clear();
    host.keep({ issueId });
  }
  state = afterHostMessage(state, message);
  redraw();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (message) receive(message);
  else console.warn('Sentry Insight: ignored a message that is not part of the panel protocol');
});

redraw();
host.post({ type: 'ready' });
