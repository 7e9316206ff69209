// The fake's issue search syntax is the local server's parser (src/core/local/api/issueSearchQuery.ts), so the two
// cannot drift apart; a query that does not parse throws IssueQueryError, answered as Sentry's 400.
export {
  IssueSearchError as IssueQueryError,
  parseIssueSearch as parseIssueQuery,
} from '../../../src/core/local/api/issueSearchQuery';
export type { IssueSearch as ParsedIssueQuery, SearchFilter } from '../../../src/core/local/api/issueSearchQuery';
