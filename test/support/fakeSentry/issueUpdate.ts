// Applies a triage PUT body to an issue: Sentry's partial update (status, substatus, assignee, bookmark) or GlitchTip's
// status-only one. The Sentry body's schema is the local Sentry's; what it does to a fake issue is here.
import { z } from 'zod';
import { Answer, AnswerNow, json } from './answer';
import { isJsonObject, JsonObject, JsonValue } from './json';
import { FakeAssignee, FakeIssue, FakeSentryData, IssueSubstatus } from './model';
import { Flavour } from './options';
import { issueUpdateSchema } from '../../../src/core/local/api/issueUpdate';
import { releasesNewestFirst } from './releaseJson';

const glitchtipUpdateSchema = z.looseObject({ status: z.enum(['resolved', 'unresolved', 'ignored']).optional() });

/** The JSON object of a PUT body, or the 400 answer for anything else. */
export function parseUpdateBody(body: string): JsonObject {
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(body) as JsonValue;
  } catch (error) {
    throw new AnswerNow(json({ detail: `JSON parse error - ${(error as Error).message}` }, 400));
  }
  if (!isJsonObject(parsed))
    throw new AnswerNow(json({ non_field_errors: ['Invalid data. Expected a dictionary.'] }, 400));
  return parsed;
}

export function applyUpdate(
  flavour: Flavour,
  data: FakeSentryData,
  org: string,
  issue: FakeIssue,
  body: JsonObject,
): void {
  if (flavour === 'glitchtip') {
    const update = glitchtipUpdateSchema.safeParse(body);
    if (!update.success) throw new AnswerNow(validationAnswer(update.error, 422));
    // GlitchTip silently ignores everything but status (sentry-api-notes §7).
    if (update.data.status) setStatus(issue, update.data.status, undefined, {});
    return;
  }
  // The body Sentry's partial update accepts is the local Sentry's, one schema for both.
  const update = issueUpdateSchema.safeParse(body);
  if (!update.success) throw new AnswerNow(validationAnswer(update.error, 400));
  const details = isJsonObject(body['statusDetails']) ? resolveLatestRelease(data, org, body['statusDetails']) : {};
  const { status, substatus, assignedTo, isBookmarked, hasSeen, priority } = update.data;
  if (status === 'resolvedInNextRelease') setStatus(issue, 'resolved', null, { inNextRelease: true });
  else if (status) setStatus(issue, status, substatus, details);
  else if (substatus !== undefined) issue.substatus = substatus;
  if (assignedTo !== undefined) issue.assignedTo = resolveAssignee(data, org, assignedTo);
  if (isBookmarked !== undefined) issue.isBookmarked = isBookmarked;
  if (hasSeen !== undefined) issue.hasSeen = hasSeen;
  if (priority !== undefined) issue.priority = priority;
}

function setStatus(
  issue: FakeIssue,
  status: FakeIssue['status'],
  substatus: IssueSubstatus | null | undefined,
  details: JsonObject,
): void {
  issue.status = status;
  issue.statusDetails = details;
  const fallback: Record<FakeIssue['status'], IssueSubstatus | null> = {
    resolved: null,
    unresolved: 'ongoing',
    ignored: 'archived_until_escalating',
  };
  issue.substatus = status === 'resolved' ? null : (substatus ?? fallback[status]);
}

// Sentry answers `inRelease: "latest"` with the version it chose.
function resolveLatestRelease(data: FakeSentryData, org: string, details: JsonObject): JsonObject {
  if (details['inRelease'] !== 'latest') return details;
  return { ...details, inRelease: releasesNewestFirst(data, org)[0]?.version ?? 'latest' };
}

/** `user:<id>`, `team:<id>`, a username or an e-mail; empty or null unassigns. */
function resolveAssignee(data: FakeSentryData, org: string, actor: string | null): FakeAssignee | null {
  if (actor === null || actor === '') return null;
  const team = /^team:(.+)$/.exec(actor);
  if (team?.[1] !== undefined) return { type: 'team', id: team[1], name: `team-${team[1]}` };
  const userId = /^user:(.+)$/.exec(actor)?.[1];
  const member = data.members.find(
    (candidate) =>
      candidate.organization === org &&
      (userId !== undefined ? candidate.userId === userId : candidate.email === actor || candidate.name === actor),
  );
  if (!member) throw new AnswerNow(json({ assignedTo: ['Cannot assign to non-team member'] }, 400));
  return { type: 'user', id: member.userId, name: member.name, email: member.email };
}

function validationAnswer(error: z.ZodError, status: number): Answer {
  const fields: JsonObject = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'non_field_errors';
    fields[field] = [issue.message];
  }
  return json(
    status === 422
      ? { detail: error.issues.map((issue) => ({ loc: ['body', ...issue.path.map(String)], msg: issue.message })) }
      : fields,
    status,
  );
}
