// Failures of a Sentry API call as typed values, each with a sentence that tells the user what went wrong and what to do.

export type ApiErrorKind =
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'notFound' // 404
  | 'gone' // 410: a deprecated path during a brownout
  | 'rateLimited' // 429s through several windows in a row, or a window that reopens too late
  | 'server' // 5xx after the retries ran out
  | 'badRequest' // other 4xx
  | 'network' // connection refused, DNS, reset
  | 'timeout' // no connection, no answer or no complete body in time
  | 'deadline' // the caller's deadline passed while the request waited or ran
  | 'malformed' // the body is not JSON
  | 'notSentry' // a web page (or another non-JSON answer) where Sentry answers JSON: the URL names something else
  | 'schema' // JSON that does not have the shape we need
  | 'unsupported' // the backend cannot do this (GlitchTip and triage, say)
  | 'cancelled';

export interface ApiError {
  readonly kind: ApiErrorKind;
  /** One sentence for the user: what failed and what to do. Never contains a token. */
  readonly message: string;
  readonly status?: number;
  /** The request that failed, as method and path without query (no host, no token). */
  readonly request?: string;
}

export function apiError(
  kind: ApiErrorKind,
  message: string,
  extra: { status?: number; request?: string } = {},
): ApiError {
  return { kind, message, ...extra };
}

/** Configuration and authentication problems: the CLI exits 2 on these, the editor offers to fix settings or sign in. */
export function isConfigurationError(error: ApiError): boolean {
  return (
    error.kind === 'unauthorized' ||
    error.kind === 'forbidden' ||
    error.kind === 'notFound' ||
    error.kind === 'notSentry'
  );
}

/**
 * The server was busy or failing (rate limits, 5xx, unreachable, too slow): asking again later may well work, so data
 * missing for this reason makes a load incomplete rather than settled. A 404, a 410 or an unreadable answer would be
 * the same next time.
 */
export function isServerBusy(error: ApiError): boolean {
  return (
    error.kind === 'rateLimited' ||
    error.kind === 'server' ||
    error.kind === 'network' ||
    error.kind === 'timeout' ||
    error.kind === 'deadline'
  );
}
