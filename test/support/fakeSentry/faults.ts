// Injected failures: tests queue faults for matching requests (error statuses, odd bodies, delays, dropped sockets).
import { Answer, glitchtipMessages, sentryMessages } from './answer';
import { ResolvedOptions } from './options';
import { tooFrequentMessage } from './rateLimit';

export interface Fault {
  /** Only requests with this method; any when unset. */
  method?: string;
  /** A string matches the path exactly (percent-encoded, without query); a RegExp is tested on path plus query. */
  path: string | RegExp;
  /** How many matching requests get the fault; default 1. `Infinity` keeps it until `clearFaults()`. */
  times?: number;
  /** Answer with this status. Without status, body and destroySocket the request is served normally (after `delayMs`, plus `headers`). */
  status?: number;
  /** Raw body sent byte for byte (malformed JSON, a schema-breaking JSON text); default: the backend's body for `status`. */
  body?: string;
  /** Headers added to (and overriding) the usual ones, e.g. `Retry-After` or `X-Sentry-Rate-Limit-Reset`. */
  headers?: Record<string, string>;
  /** Wait this long first (a client timeout shorter than this sees a hung server). */
  delayMs?: number;
  /** Drop the connection without any answer. */
  destroySocket?: true;
  /** Send the status line, headers and the first bytes of the body, then nothing more until the server closes. */
  endlessBody?: true;
  /** Serve the first page whatever the cursor, with a `Link` to a next page under a cursor never sent before. */
  endlessCursor?: true;
}

/** Ready-made odd bodies. */
export const faultBodies = {
  malformedJson: '{"detail": "Internal Error", "errorId": ',
  htmlBadGateway:
    '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
  /** Valid JSON that breaks every list schema: an object where an array belongs. */
  objectInsteadOfList: '{"results": []}',
  /** An issue list whose single item lacks every required field but `id` (and has a numeric one). */
  issueWithoutFields: '[{"id": 5}]',
} as const;

interface QueuedFault {
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  private readonly queued: QueuedFault[] = [];

  add(fault: Fault): void {
    this.queued.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.queued.length = 0;
  }

  /** The first fault matching this request, counted as used; `undefined` when none. */
  take(method: string, path: string, search: string): Fault | undefined {
    const index = this.queued.findIndex(({ fault }) => matches(fault, method, path, search));
    const entry = this.queued[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.queued.splice(index, 1);
    return entry.fault;
  }
}

function matches(fault: Fault, method: string, path: string, search: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false;
  return typeof fault.path === 'string' ? fault.path === path : fault.path.test(path + search);
}

/** The answer a fault gives; `undefined` when it only delays (or drops, which the server handles). */
export function faultAnswer(fault: Fault, options: ResolvedOptions): Answer | undefined {
  if (fault.status === undefined && fault.body === undefined) return undefined; // also endlessBody, endlessCursor
  const status = fault.status ?? 200;
  const base = fault.body !== undefined ? { status, body: { raw: fault.body } } : defaultErrorAnswer(status, options);
  return { ...base, headers: { ...base.headers, ...fault.headers } };
}

function defaultErrorAnswer(status: number, options: ResolvedOptions): Answer {
  const glitchtip = options.flavour === 'glitchtip';
  switch (status) {
    case 401:
      return { status, body: { detail: glitchtip ? glitchtipMessages.unauthorized : sentryMessages.invalidToken } };
    case 403:
      return { status, body: { detail: glitchtip ? glitchtipMessages.forbidden : sentryMessages.forbidden } };
    case 404:
      return { status, body: { detail: glitchtip ? glitchtipMessages.notFound : sentryMessages.notFound } };
    case 410:
      return { status, body: { message: sentryMessages.brownout } };
    case 429:
      if (glitchtip)
        return {
          status,
          body: { message: glitchtipMessages.retryLater },
          headers: { 'Retry-After': String(options.retryAfterSeconds) },
        };
      return {
        status,
        body: options.tooManyRequestsBody === 'bareString' ? tooFrequentMessage() : { detail: tooFrequentMessage() },
      };
    case 500:
      return { status, body: { detail: sentryMessages.internalError, errorId: 'c0ffee00c0ffee00c0ffee00c0ffee00' } };
    case 502:
    case 503:
    case 504:
      return { status, body: { raw: gatewayPage(status) }, headers: { 'Content-Type': 'text/html' } };
    default:
      return { status, body: status < 300 ? {} : { detail: `Error ${status}` } };
  }
}

function gatewayPage(status: number): string {
  const title =
    status === 502
      ? '502 Bad Gateway'
      : status === 503
        ? '503 Service Temporarily Unavailable'
        : '504 Gateway Time-out';
  return `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>`;
}
