// The triage change a panel button stands for. "Assign to Me" needs the signed-in user's id on the issue's server.
import type { IssueChange } from '../../core/api/issueChange';
import type { TriageAction } from '../../core/format/issueViewModel';

/** Undefined when the change cannot be expressed (the user's id on the server is unknown). */
export async function issueChangeOf(
  action: TriageAction,
  currentUserId: () => Promise<string | undefined>,
): Promise<IssueChange | undefined> {
  switch (action) {
    case 'resolve':
      return { action: 'resolve' };
    case 'resolveInNextRelease':
      return { action: 'resolveInNextRelease' };
    case 'unresolve':
      return { action: 'unresolve' };
    case 'archive':
      return { action: 'archive', until: 'escalating' };
    case 'assignToMe': {
      const id = await currentUserId();
      return id ? { action: 'assign', assignee: `user:${id}` } : undefined;
    }
  }
}
