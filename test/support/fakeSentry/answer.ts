// What a route hands back (status, JSON or raw body, headers) and the error bodies real Sentry and GlitchTip send.
import { JsonValue } from './json';

export interface Answer {
  status: number;
  /** JSON to serialize; a `RawBody` is sent exactly as given (malformed JSON, HTML error pages). */
  body?: JsonValue | RawBody;
  headers?: Record<string, string>;
}

export interface RawBody {
  raw: string;
}

export function isRawBody(body: Answer['body']): body is RawBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    typeof body['raw'] === 'string' &&
    Object.keys(body).length === 1
  );
}

export function json(body: JsonValue, status = 200, headers: Record<string, string> = {}): Answer {
  return { status, body, headers };
}

export function detail(status: number, message: string): Answer {
  return { status, body: { detail: message } };
}

/** Sentry's messages, copied from its API answers. */
export const sentryMessages = {
  notFound: 'The requested resource does not exist',
  invalidToken: 'Invalid token',
  forbidden: 'You do not have permission to perform this action.',
  noEvent: 'No matching event found, try changing the environments, date range, or query.',
  internalError: 'Internal Error',
  brownout: 'This API no longer exists.',
} as const;

export const glitchtipMessages = {
  notFound: 'Not Found',
  unauthorized: 'Unauthorized',
  forbidden: 'Permission denied',
  retryLater: 'Please retry later',
} as const;

/** Thrown by a handler to answer at once (404 for an unknown org, 400 for a bad parameter). */
export class AnswerNow extends Error {
  constructor(readonly answer: Answer) {
    super(`fake Sentry answers ${answer.status}`);
  }
}
