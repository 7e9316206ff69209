// What the page shows, as a value: the last issue model from the host, whether it is loading or failed, and a triage
// action in flight, shown at once (optimistic) and dropped with a message if the host says the server refused it.
// Pure, so it is tested in Node.
import type { HeaderView, IssueViewModel, TriageAction } from '../core/format/issueViewModel';
import { statusAfter } from '../core/format/panelStatus';
import { triageLabels, visibleTriageActions } from '../core/format/triageActions';
import type { HostMessage } from './protocol';

export interface PendingTriage {
  readonly requestId: string;
  readonly action: TriageAction;
}

export interface PanelState {
  readonly model?: IssueViewModel;
  readonly loading: boolean;
  /** Loading the issue failed: the page says so and offers to retry. */
  readonly error?: string;
  readonly pending?: PendingTriage;
  /** Why the last triage action was rolled back. */
  readonly notice?: string;
}

export const initialPanelState: PanelState = { loading: true };

function refusal(action: TriageAction, message: string | undefined): string {
  const reason = message?.trim() || 'The server did not accept the change.';
  return `${triageLabels[action]} failed: ${reason} The issue is shown as it was.`;
}

export function afterHostMessage(state: PanelState, message: HostMessage): PanelState {
  switch (message.type) {
    case 'issue':
      return { ...state, model: message.model, loading: false, error: undefined };
    case 'loading':
      return { ...state, loading: true, error: undefined };
    case 'error':
      return { ...state, loading: false, error: message.message };
    case 'triageResult':
      // A reply to an older request (the page was reloaded meanwhile) changes nothing.
      if (state.pending?.requestId !== message.requestId) return state;
      return {
        ...state,
        pending: undefined,
        notice: message.ok ? undefined : refusal(state.pending.action, message.message),
      };
  }
}

/** Undefined when the action cannot start now: nothing is loaded, or another action is still in flight. */
export function startTriage(state: PanelState, action: TriageAction, requestId: string): PanelState | undefined {
  if (!state.model || state.pending || !state.model.actions.includes(action)) return undefined;
  return { ...state, pending: { requestId, action }, notice: undefined };
}

/** The header as it stands once the pending action succeeds, which is what the page shows while it is in flight. */
export function shownHeader(state: PanelState): HeaderView | undefined {
  const header = state.model?.header;
  if (!header || !state.pending) return header;
  const status = statusAfter(state.pending.action) ?? header.status;
  const assignee = state.pending.action === 'assignToMe' ? 'You' : header.assignee;
  return { ...header, status, assignee };
}

export function shownActions(state: PanelState): TriageAction[] {
  const header = shownHeader(state);
  return state.model && header ? visibleTriageActions(state.model.actions, header.status.status) : [];
}
