// Which of Sentry's rate-limit groups a request belongs to. On sentry.io each endpoint has its own fixed window and
// concurrency limit (issue details 5/s, an issue's events 15/s, its tags 10/s, lists 40/s; sentry-api-notes §3.8), so
// the client keeps one limiter per host and class and never lets a slow class hold back a fast one. The organization
// events endpoint (Discover) has its own: 30/s with 15 concurrent, or 1,000 per 5 minutes where sentry.io rolled out
// its reduced limit (getsentry/sentry, organization_events.py); the limiter learns which from the answers' headers.

export const endpointClasses = [
  'issueDetails',
  'issueEvents',
  'issueTags',
  'issueUpdate',
  'issueList',
  'organizationEvents',
  'directory',
] as const;

export type EndpointClass = (typeof endpointClasses)[number];

// An issue's own endpoints, org-scoped (Sentry) or top-level (GlitchTip): /api/0/[organizations/{org}/]issues/{id}/…
const issuePath = /^\/api\/0\/(?:organizations\/[^/]+\/)?issues\/[^/]+\/(.*)$/;
const issueListPath = /^\/api\/0\/organizations\/[^/]+\/issues\/$/;
const organizationEventsPath = /^\/api\/0\/organizations\/[^/]+\/events\/$/;

export function endpointClassOf(method: string, path: string): EndpointClass {
  if (issueListPath.test(path)) return method === 'GET' ? 'issueList' : 'issueUpdate';
  if (organizationEventsPath.test(path)) return 'organizationEvents';
  const issue = issuePath.exec(path);
  if (!issue) return 'directory';
  const rest = issue[1] ?? '';
  if (rest.startsWith('events/')) return 'issueEvents';
  if (rest.startsWith('tags/')) return 'issueTags';
  if (rest === '') return method === 'GET' ? 'issueDetails' : 'issueUpdate';
  return 'directory';
}
