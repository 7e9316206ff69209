// Finds the organization, project and issue a path names, or answers 404 the way the backend does.
import { AnswerNow, detail, glitchtipMessages, sentryMessages } from '../answer';
import { param, RouteContext } from '../context';
import { FakeIssue, FakeOrganization, FakeProject } from '../model';

export function notFound(context: RouteContext): AnswerNow {
  const glitchtip = context.state.options.flavour === 'glitchtip';
  return new AnswerNow(detail(404, glitchtip ? glitchtipMessages.notFound : sentryMessages.notFound));
}

/** `:org` is a slug or an id. */
export function findOrganization(context: RouteContext): FakeOrganization {
  const wanted = param(context, 'org');
  const found = context.state.data.organizations.find((org) => org.slug === wanted || org.id === wanted);
  if (!found) throw notFound(context);
  return found;
}

export function organizationProjects(context: RouteContext, org: FakeOrganization): FakeProject[] {
  return context.state.data.projects.filter((project) => project.organization === org.slug);
}

/** `:issue` is a numeric id or (organization-scoped) a short id such as `SHOP-WEB-1A`. */
export function findIssue(context: RouteContext, org: FakeOrganization | null): FakeIssue {
  const wanted = param(context, 'issue');
  const projectIds = org ? new Set(organizationProjects(context, org).map((project) => project.id)) : null;
  const found = context.state.data.issues.find(
    (issue) =>
      (issue.id === wanted || (org !== null && issue.shortId === wanted)) &&
      (projectIds === null || projectIds.has(issue.projectId)),
  );
  if (!found) throw notFound(context);
  return found;
}

/** The organization owning an issue (for top-level GlitchTip paths, which name no organization). */
export function issueOrganization(context: RouteContext, issue: FakeIssue): string {
  return context.state.data.projects.find((project) => project.id === issue.projectId)?.organization ?? '';
}
