// How an issue looks right after a triage change, before the server answers: what views show optimistically.
import type { IssueChange } from '../api/issueChange';
import type { Issue } from '../api/issueSchema';

export function optimisticPatch(
  change: IssueChange,
  me?: { id: string; name?: string; email?: string },
): Partial<Issue> {
  switch (change.action) {
    case 'resolve':
      return { status: 'resolved', substatus: undefined, statusDetails: {} };
    case 'resolveInNextRelease':
      return { status: 'resolved', substatus: undefined, statusDetails: { inNextRelease: true } };
    case 'resolveInRelease':
      return { status: 'resolved', substatus: undefined, statusDetails: { inRelease: change.release } };
    case 'unresolve':
      return { status: 'unresolved', substatus: 'ongoing', statusDetails: {} };
    case 'archive':
      return {
        status: 'ignored',
        substatus: change.until === 'forever' ? 'archived_forever' : 'archived_until_escalating',
        statusDetails: {},
      };
    case 'archiveFor':
      return {
        status: 'ignored',
        substatus: 'archived_until_condition_met',
        statusDetails: { ignoreDuration: change.minutes },
      };
    case 'assign': {
      const [type, id] = change.assignee.includes(':') ? change.assignee.split(':', 2) : ['user', change.assignee];
      const isMe = me !== undefined && type === 'user' && id === me.id;
      return { assignedTo: { type, id, name: isMe ? me.name : undefined, email: isMe ? me.email : undefined } };
    }
    case 'unassign':
      return { assignedTo: undefined };
    case 'bookmark':
      return { isBookmarked: change.bookmarked };
  }
}
