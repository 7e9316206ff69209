// An issue's status as the panel's badge shows it, in the same words as the hover, and the status a triage action
// leads to, which the page shows at once while the server has not answered. Shared by the host and the page.
import { statusLabel } from './issueStatus';
import type { StatusView, TriageAction } from './issueViewModel';

export interface IssueStatusFields {
  readonly status: string;
  readonly substatus?: string;
  readonly statusDetails?: Readonly<Record<string, unknown>>;
}

export function statusView(fields: IssueStatusFields): StatusView {
  const words = statusLabel(fields);
  return { status: fields.status, substatus: fields.substatus, label: words.charAt(0).toUpperCase() + words.slice(1) };
}

/** The status right after an action, before the server answers; undefined for actions that leave the status alone. */
export function statusAfter(action: TriageAction): StatusView | undefined {
  switch (action) {
    case 'resolve':
      return statusView({ status: 'resolved' });
    case 'resolveInNextRelease':
      return statusView({ status: 'resolved', statusDetails: { inNextRelease: true } });
    case 'unresolve':
      return statusView({ status: 'unresolved', substatus: 'ongoing' });
    case 'archive':
      return statusView({ status: 'ignored', substatus: 'archived_until_escalating' });
    case 'assignToMe':
      return undefined;
  }
}
