// Which triage actions the panel offers: those the server can carry out (GlitchTip cannot assign or resolve
// in the next release), narrowed to those that make sense for the current status. Shared by the host and the page.
import type { BackendCapabilities } from '../api/backend';
import type { TriageAction } from './issueViewModel';

export const triageLabels: Readonly<Record<TriageAction, string>> = {
  resolve: 'Resolve',
  resolveInNextRelease: 'Resolve in Next Release',
  unresolve: 'Unresolve',
  archive: 'Archive',
  assignToMe: 'Assign to Me',
};

/** Without capabilities (the server is not known yet) only the actions every backend has are offered. */
export function availableTriageActions(capabilities: BackendCapabilities | undefined): TriageAction[] {
  const actions: TriageAction[] = ['resolve'];
  if (capabilities?.resolveInNextRelease) actions.push('resolveInNextRelease');
  actions.push('unresolve', 'archive');
  if (capabilities?.assign) actions.push('assignToMe');
  return actions;
}

function fitsStatus(action: TriageAction, status: string): boolean {
  switch (action) {
    case 'resolve':
    case 'resolveInNextRelease':
      return status !== 'resolved';
    case 'archive':
      return status !== 'ignored';
    case 'unresolve':
      return status !== 'unresolved';
    case 'assignToMe':
      return true;
  }
}

export function visibleTriageActions(available: readonly TriageAction[], status: string): TriageAction[] {
  return available.filter((action) => fitsStatus(action, status));
}
