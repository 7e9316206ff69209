// Sentry-style short ids of local issues: the project slug in capitals and the issue's number in base 36 (`PROJECT-7-1A`).
import type { LocalIssue } from './localIssue';

export function shortIdOf(issue: LocalIssue): string {
  return `PROJECT-${issue.projectId}-${issue.shortNumber.toString(36).toUpperCase()}`;
}
