// An answer of the local Web API: status, JSON body and extra headers; and Sentry's error shapes.

export interface ApiAnswer {
  readonly status: number;
  /** Serialized as JSON; `undefined` sends no body (204). */
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): ApiAnswer {
  return headers === undefined ? { status, body } : { status, body, headers };
}

/** Sentry's `{"detail": "..."}` error body. */
export function detail(status: number, text: string): ApiAnswer {
  return { status, body: { detail: text } };
}

export const notFound = (): ApiAnswer => detail(404, 'The requested resource does not exist');

/** Thrown by request parsing deep inside a route to answer at once (bad query, bad cursor). */
export class AnswerNow extends Error {
  constructor(readonly answer: ApiAnswer) {
    super(
      typeof answer.body === 'object' && answer.body !== null && 'detail' in answer.body
        ? String((answer.body as { detail: unknown }).detail)
        : 'answer',
    );
  }
}
