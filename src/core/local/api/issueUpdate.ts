// Applies a triage PUT body (sentry-api-notes §3.5) to a local issue: resolve (also in a release or the next one),
// archive (until escalating, forever, or for some minutes), unresolve, assign, bookmark, mark seen. Answers with the
// changed fields.
import { z } from 'zod';
import type { LocalIssue } from '../store/localIssue';
import type { Assignee } from '../store/storeRecords';
import { AnswerNow, detail } from './apiAnswer';
import { LOCAL_USER } from './localDirectory';

const substatuses = [
  'archived_until_escalating',
  'archived_until_condition_met',
  'archived_forever',
  'escalating',
  'ongoing',
  'regressed',
  'new',
] as const;

export const issueUpdateSchema = z.looseObject({
  status: z.enum(['resolved', 'unresolved', 'ignored', 'resolvedInNextRelease']).optional(),
  statusDetails: z.record(z.string(), z.unknown()).optional(),
  substatus: z.enum(substatuses).nullable().optional(),
  assignedTo: z.string().max(200).nullable().optional(),
  isBookmarked: z.boolean().optional(),
  hasSeen: z.boolean().optional(),
  isSubscribed: z.boolean().optional(),
  priority: z.enum(['low', 'medium', 'high']).optional(),
});
export type IssueUpdate = z.infer<typeof issueUpdateSchema>;

export function parseIssueUpdate(body: unknown): IssueUpdate {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new AnswerNow(detail(400, 'Invalid data. Expected a dictionary.'));
  const parsed = issueUpdateSchema.safeParse(withLegacyNames(body as Record<string, unknown>));
  if (!parsed.success)
    throw new AnswerNow(
      detail(400, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')),
    );
  return parsed.data;
}

/**
 * Sentry still accepts the older names sentry-cli sends (`issues mute`): status `muted` for `ignored`, and
 * `snoozeDuration` (minutes, null for ever) for `statusDetails.ignoreDuration`.
 */
function withLegacyNames(body: Record<string, unknown>): Record<string, unknown> {
  const { snoozeDuration, ...rest } = body;
  if (rest['status'] === 'muted') rest['status'] = 'ignored';
  if (typeof snoozeDuration !== 'number') return rest;
  const details =
    typeof rest['statusDetails'] === 'object' && rest['statusDetails'] !== null ? rest['statusDetails'] : {};
  return { ...rest, statusDetails: { ...details, ignoreDuration: snoozeDuration } };
}

/** Changes the issue and returns the echo Sentry answers with. `latestRelease` resolves `inRelease: "latest"`. */
export function applyIssueUpdate(
  issue: LocalIssue,
  update: IssueUpdate,
  context: { now: number; latestRelease: string | undefined },
): Record<string, unknown> {
  const echo: Record<string, unknown> = {};
  const details = update.statusDetails ?? {};
  if (update.status === 'resolved' || update.status === 'resolvedInNextRelease') {
    resolve(
      issue,
      update.status === 'resolvedInNextRelease' ? { inNextRelease: true } : details,
      context.latestRelease,
    );
  } else if (update.status === 'ignored') {
    archive(issue, update.substatus ?? undefined, details, context.now);
  } else if (update.status === 'unresolved') {
    issue.reopen(update.substatus ?? 'ongoing');
  } else if (update.substatus !== undefined) {
    issue.substatus = update.substatus;
  }
  if (update.status !== undefined)
    Object.assign(echo, { status: issue.status, statusDetails: issue.statusDetails, substatus: issue.substatus });
  if (update.assignedTo !== undefined) {
    issue.assignedTo = assigneeOf(update.assignedTo);
    echo['assignedTo'] = issue.assignedTo;
  }
  if (update.isBookmarked !== undefined) echo['isBookmarked'] = issue.isBookmarked = update.isBookmarked;
  if (update.hasSeen !== undefined) echo['hasSeen'] = issue.hasSeen = update.hasSeen;
  if (update.isSubscribed !== undefined) echo['isSubscribed'] = update.isSubscribed;
  if (update.priority !== undefined) echo['priority'] = update.priority;
  return echo;
}

function resolve(issue: LocalIssue, details: Record<string, unknown>, latestRelease: string | undefined): void {
  issue.status = 'resolved';
  issue.substatus = null;
  issue.ignoredUntil = null;
  if (details['inNextRelease'] === true) {
    // Events of the release current now do not reopen it; one from any other release does.
    issue.resolvedInRelease = issue.lastRelease ?? latestRelease ?? null;
    issue.statusDetails = { inNextRelease: true, actor: actorJson() };
  } else if (typeof details['inRelease'] === 'string') {
    const version = details['inRelease'] === 'latest' ? latestRelease : details['inRelease'];
    if (version === undefined)
      throw new AnswerNow(detail(400, 'No release data present in the system to form a basis for "Next Release"'));
    issue.resolvedInRelease = version;
    issue.statusDetails = { inRelease: version, actor: actorJson() };
  } else {
    issue.resolvedInRelease = null;
    issue.statusDetails = {};
  }
}

function archive(
  issue: LocalIssue,
  substatus: string | undefined,
  details: Record<string, unknown>,
  now: number,
): void {
  issue.status = 'ignored';
  issue.resolvedInRelease = null;
  const minutes = details['ignoreDuration'];
  if (typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0) {
    issue.ignoredUntil = now + minutes * 60_000;
    issue.substatus = 'archived_until_condition_met';
    issue.statusDetails = {
      ignoreDuration: minutes,
      ignoreUntil: new Date(issue.ignoredUntil).toISOString(),
      actor: actorJson(),
    };
    return;
  }
  issue.ignoredUntil = null;
  issue.substatus = substatus ?? 'archived_until_escalating';
  issue.statusDetails = {};
}

/** `user:<id>`, `team:<id>`, a username or an e-mail; empty or null unassigns. The local user is the only member. */
function assigneeOf(actor: string | null): Assignee | null {
  if (actor === null || actor === '') return null;
  const team = /^team:(.+)$/.exec(actor)?.[1];
  if (team !== undefined) return { type: 'team', id: team, name: team };
  const userId = /^user:(.+)$/.exec(actor)?.[1];
  if (userId === LOCAL_USER.id || actor === 'me' || actor === LOCAL_USER.email || actor === LOCAL_USER.username)
    return localAssignee();
  // Anyone else is accepted as named: locally there is no member list to check against.
  const name = userId ?? actor;
  return actor.includes('@') ? { type: 'user', id: name, name, email: actor } : { type: 'user', id: name, name };
}

function localAssignee(): Assignee {
  return { type: 'user', id: LOCAL_USER.id, name: LOCAL_USER.name, email: LOCAL_USER.email };
}

function actorJson(): Record<string, unknown> {
  return { id: LOCAL_USER.id, name: LOCAL_USER.name, email: LOCAL_USER.email, username: LOCAL_USER.username };
}
