// Sentry's cursor pagination (`value:offset:is_prev` cursors, keyset for issues and pages for other lists, and the Link
// header) is the local server's (src/core/local/api/pagination.ts), so the fake and the local server page alike; a bad
// cursor or page size throws the core's AnswerNow, which the fake answers as Sentry's 400.
export {
  formatCursor,
  keysetPage,
  linkHeader as sentryLinkHeader,
  offsetPage,
  pageSize,
  parseCursor,
} from '../../../src/core/local/api/pagination';
export type { Cursor as SentryCursor, Page } from '../../../src/core/local/api/pagination';
