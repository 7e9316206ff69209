// An issue's triage state in words, and whether it still counts as open: resolved and archived issues leave the line
// marks (the next refresh, which lists `is:unresolved` only, would drop them anyway) but stay in the hover.

const closedStatuses = new Set(['resolved', 'ignored', 'muted', 'pending_deletion', 'deletion_in_progress']);

export function isClosedStatus(status: string | undefined): boolean {
  return status !== undefined && closedStatuses.has(status);
}

const unresolvedWords: Record<string, string> = {
  new: 'new',
  ongoing: 'ongoing',
  regressed: 'regressed',
  escalating: 'escalating',
};

const archivedWords: Record<string, string> = {
  archived_until_escalating: 'archived until escalating',
  archived_until_condition_met: 'archived until a condition is met',
  archived_forever: 'archived forever',
};

function resolvedWords(details: Readonly<Record<string, unknown>> | undefined): string {
  if (details?.['inNextRelease'] === true) return 'resolved in the next release';
  const inRelease = details?.['inRelease'];
  if (typeof inRelease === 'string' && inRelease) return `resolved in ${inRelease}`;
  return 'resolved';
}

/**
 * `ongoing`, `regressed`, `resolved in the next release`, `archived until escalating`… Status values come from the
 * server: callers escape the result like any other event text.
 */
export function statusLabel(issue: {
  status: string;
  substatus?: string;
  statusDetails?: Readonly<Record<string, unknown>>;
}): string {
  const substatus = issue.substatus ?? '';
  switch (issue.status) {
    case 'unresolved':
      return unresolvedWords[substatus] ?? 'unresolved';
    case 'resolved':
      return resolvedWords(issue.statusDetails);
    case 'ignored':
    case 'muted':
      return archivedWords[substatus] ?? 'archived';
    default:
      return issue.status.replace(/_/g, ' ');
  }
}
