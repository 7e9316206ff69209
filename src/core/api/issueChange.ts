// Triage actions and the PUT bodies that express them, as Sentry's own web UI sends them (sentry-api-notes §3.5).
import type { BackendCapabilities } from './backend';

export type IssueChange =
  | { readonly action: 'resolve' }
  | { readonly action: 'resolveInNextRelease' }
  | { readonly action: 'resolveInRelease'; readonly release: string }
  | { readonly action: 'unresolve' }
  | { readonly action: 'archive'; readonly until: 'escalating' | 'forever' }
  | { readonly action: 'archiveFor'; readonly minutes: number }
  | { readonly action: 'assign'; readonly assignee: string }
  | { readonly action: 'unassign' }
  | { readonly action: 'bookmark'; readonly bookmarked: boolean };

/** Whether a backend can carry out a change; views hide the actions it cannot. */
export function canApply(change: IssueChange['action'], capabilities: BackendCapabilities): boolean {
  switch (change) {
    case 'resolve':
    case 'unresolve':
      return true;
    case 'archive':
      return true; // plain "ignored" on GlitchTip: `until` is then not honoured, see bodyOf
    case 'archiveFor':
      return capabilities.archiveUntil;
    case 'resolveInNextRelease':
      return capabilities.resolveInNextRelease;
    case 'resolveInRelease':
      return capabilities.resolveInRelease;
    case 'assign':
    case 'unassign':
      return capabilities.assign;
    case 'bookmark':
      return capabilities.bookmark;
  }
}

/** The partial JSON body of the issue PUT. Only the changed fields are sent. */
export function bodyOf(change: IssueChange, capabilities: BackendCapabilities): Record<string, unknown> {
  switch (change.action) {
    case 'resolve':
      return capabilities.archiveUntil ? { status: 'resolved', statusDetails: {} } : { status: 'resolved' };
    case 'resolveInNextRelease':
      return { status: 'resolved', statusDetails: { inNextRelease: true } };
    case 'resolveInRelease':
      return { status: 'resolved', statusDetails: { inRelease: change.release } };
    case 'unresolve':
      return capabilities.archiveUntil
        ? { status: 'unresolved', statusDetails: {}, substatus: 'ongoing' }
        : { status: 'unresolved' };
    case 'archive':
      if (!capabilities.archiveUntil) return { status: 'ignored' };
      return {
        status: 'ignored',
        statusDetails: {},
        substatus: change.until === 'forever' ? 'archived_forever' : 'archived_until_escalating',
      };
    case 'archiveFor':
      return {
        status: 'ignored',
        substatus: 'archived_until_condition_met',
        statusDetails: { ignoreDuration: change.minutes },
      };
    case 'assign':
      return { assignedTo: change.assignee };
    case 'unassign':
      return { assignedTo: '' };
    case 'bookmark':
      return { isBookmarked: change.bookmarked };
  }
}
