// Finds what a route's path names (the organization, a project, an issue) or answers 404 as Sentry does.
import type { LocalIssue } from '../../store/localIssue';
import type { ProjectRecord } from '../../store/storeRecords';
import { shortIdOf } from '../../store/shortId';
import { AnswerNow, notFound } from '../apiAnswer';
import { param, type ApiRequest } from '../apiRequest';
import { LOCAL_ORG } from '../localDirectory';

/** The only organization, by slug or id. */
export function requireOrganization(request: ApiRequest): void {
  const org = param(request, 'org');
  if (org !== LOCAL_ORG.slug && org !== LOCAL_ORG.id) throw new AnswerNow(notFound());
}

export function requireProject(request: ApiRequest): ProjectRecord {
  requireOrganization(request);
  const wanted = param(request, 'project');
  const project = request.store.projects().find((candidate) => candidate.id === wanted || candidate.slug === wanted);
  if (project === undefined) throw new AnswerNow(notFound());
  return project;
}

/** An issue by numeric id or short id (`PROJECT-7-1`), as Sentry's organization-scoped issue paths accept both. */
export function requireIssue(request: ApiRequest): LocalIssue {
  if (request.params['org'] !== undefined) requireOrganization(request);
  const wanted = param(request, 'issue');
  const issue =
    request.store.issue(wanted) ??
    request.store.issues().find((candidate) => shortIdOf(candidate) === wanted.toUpperCase());
  if (issue === undefined) throw new AnswerNow(notFound());
  return issue;
}
