// The HTTP layer under the Sentry client: one keep-alive pool per host, requests paced per host and endpoint class
// into the server's rate-limit windows and concurrency, retries for 5xx and network errors, bounded connect, answer
// and body times and sizes, and zod validation of every answer. The token goes only to hosts allowed to carry it.
import { Pool } from 'undici';
import type { z } from 'zod';
import type { Logger } from '../log';
import { err, ok, type Result } from '../result';
import { systemClock, type Clock } from './clock';
import { deadlineOf, exceededDeadline } from './deadline';
import type { RefusalVerdict } from './endpointLimiter';
import { endpointClasses } from './endpointClass';
import { apiError, type ApiError } from './errors';
import { defaultConcurrency, defaultMaxConcurrency, Pacer } from './pacer';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy } from './retryPolicy';
import { describeSchemaIssues } from './schemaError';
import { errorForStatus, looksLikeWebPage, notSentryError, type RequestDescription } from './statusErrors';
import { mayCarryToken } from './trustedHosts';

export type { Clock } from './clock';
export { systemClock } from './clock';

export type Headers = Record<string, string | string[] | undefined>;
export type Query = Record<string, string | number | readonly string[] | undefined>;

export interface HttpOptions {
  /** The configured server, e.g. `https://sentry.io` or `https://sentry.example.com/sentry`. */
  readonly baseUrl: string;
  readonly token?: string;
  readonly log: Logger;
  /** How long an attempt may wait for the answer's status and headers (default 30 s). */
  readonly timeoutMs?: number;
  /** How long opening the connection may take (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** How long reading a whole body may take once the headers arrived (default 60 s): a body that never ends fails. */
  readonly bodyTimeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /**
   * The most requests in flight per endpoint class, whatever the server announces (default 25). Where the server
   * announces nothing the client stays at 4 (or this, if lower); `X-Sentry-Rate-Limit-ConcurrentLimit` moves it.
   */
  readonly maxConcurrency?: number;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly userAgent?: string;
  /** Answers larger than this are refused rather than buffered. */
  readonly maxResponseBytes?: number;
}

export interface HttpRequest<T> {
  readonly method: 'GET' | 'PUT';
  /** Path under the base URL's path, starting with `/api/0/`. */
  readonly path: string;
  /** Another server of the same service (an organization's region URL); the base URL when absent. */
  readonly serverUrl?: string;
  readonly query?: Query;
  readonly body?: unknown;
  readonly schema: z.ZodType<T>;
  readonly what: RequestDescription;
  /** Waits ahead of other requests of its class for a slot: list pages, so that the work they lead to starts early. */
  readonly urgent?: boolean;
  /** False for requests that must go without the token (backend detection). */
  readonly authenticated?: boolean;
  /** Cancels the request; a `deadlineSignal` also makes it give up early when its window opens too late. */
  readonly signal?: AbortSignal;
}

export interface HttpResponse<T> {
  readonly status: number;
  readonly data: T;
  readonly headers: Headers;
}

/** One attempt's outcome: an answer of any status, or none (with why, and whether trying again may help). */
type Exchange =
  | { readonly kind: 'answer'; readonly status: number; readonly headers: Headers; readonly text: string }
  | { readonly kind: 'noAnswer'; readonly error: ApiError; readonly again: 'network' | 'timeout' | 'never' };

export class SentryHttp {
  private readonly pools = new Map<string, Pool>();
  private readonly pacer: Pacer;
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly timeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly bodyTimeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly maxConcurrency: number;

  constructor(private readonly options: HttpOptions) {
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    const maxConcurrency = Math.max(1, Math.floor(options.maxConcurrency ?? defaultMaxConcurrency));
    this.maxConcurrency = maxConcurrency;
    this.pacer = new Pacer(
      this.retry,
      this.clock,
      this.random,
      Math.min(defaultConcurrency, maxConcurrency),
      maxConcurrency,
    );
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.bodyTimeoutMs = options.bodyTimeoutMs ?? 60_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 32 * 1024 * 1024;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /** The largest number of requests currently allowed in flight for one endpoint class. */
  get concurrencyLimit(): number {
    return this.pacer.largestConcurrency;
  }

  async send<T>(request: HttpRequest<T>): Promise<Result<HttpResponse<T>, ApiError>> {
    const url = this.urlFor(request);
    const label = `${request.method} ${url.pathname}`;
    const limiter = this.pacer.limiterFor(url.origin, request.method, request.path);
    const deadline = deadlineOf(request.signal);
    let failures = 0;
    let timeouts = 0;
    let refusals = 0;
    let urgent = request.urgent ?? false;
    for (;;) {
      const admission = await limiter.admit(urgent, request.signal, deadline?.at);
      if (admission.kind === 'cancelled') return err(this.stopped(request, label));
      if (admission.kind === 'afterDeadline') return err(this.windowAfterDeadline(request, label, admission.waitMs));
      if (admission.kind === 'closedTooLong') return err(this.windowClosed(request, label, admission.waitMs));
      const exchange = await this.exchange(request, url, label);
      if (exchange.kind === 'answer') {
        this.pacer.noteHost(url.origin, exchange.headers);
        this.options.log.trace(`${label} -> ${exchange.status}`);
      }
      if (exchange.kind === 'answer' && exchange.status === 429) {
        refusals++;
        const verdict = limiter.refused(exchange.headers, exchange.text, refusals);
        const refusal = errorForStatus(429, exchange.text, request.what, this.baseUrl, label);
        if (verdict.kind === 'giveUp' || refusals > this.retry.maxRefusalsPerRequest)
          return err(this.gaveUpOnRateLimit(refusal, verdict));
        this.options.log.debug(`${label}: rate-limited, waiting for the next window`);
        if (verdict.waitMs > 0) await this.clock.sleep(verdict.waitMs, request.signal);
        // A request already admitted once goes ahead of those not yet sent, so that none is starved.
        urgent = true;
        continue;
      }
      if (exchange.kind === 'answer') {
        limiter.answered(exchange.headers);
        if (exchange.status < 500) return this.settle(exchange, request, label);
      } else {
        limiter.failed();
        if (request.signal?.aborted) return err(this.stopped(request, label));
      }
      const failure =
        exchange.kind === 'answer'
          ? {
              error: errorForStatus(exchange.status, exchange.text, request.what, this.baseUrl, label),
              again: 'network' as const,
            }
          : exchange;
      if (failure.again === 'never') return err(failure.error);
      const attempts = failure.again === 'timeout' ? ++timeouts : ++failures;
      if (attempts > (failure.again === 'timeout' ? this.retry.maxTimeoutRetries : this.retry.maxRetries))
        return err(failure.error);
      const waitMs = backoffDelay(this.retry, attempts - 1, this.random);
      this.options.log.debug(`${label}: ${failure.error.kind}, retry ${attempts} in ${waitMs} ms`);
      await this.clock.sleep(waitMs, request.signal);
    }
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.allSettled(pools.map((pool) => pool.close()));
  }

  /** One attempt, its answer read whole within the time and size bounds. */
  private async exchange(request: HttpRequest<unknown>, url: URL, label: string): Promise<Exchange> {
    const timer = new AttemptTimer();
    const signal = request.signal ? AbortSignal.any([request.signal, timer.signal]) : timer.signal;
    try {
      timer.start('answer', this.timeoutMs);
      const response = await this.poolFor(url.origin).request({
        method: request.method,
        path: url.pathname + url.search,
        headers: this.headersFor(request, url),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
      });
      timer.start('body', this.bodyTimeoutMs);
      const declared = Number(single(response.headers['content-length']));
      if (declared > this.maxResponseBytes) {
        response.body.destroy();
        throw new ResponseTooLarge();
      }
      const text = await readCapped(response.body, this.maxResponseBytes);
      return { kind: 'answer', status: response.statusCode, headers: response.headers, text };
    } catch (error) {
      return { kind: 'noAnswer', ...this.noAnswer(error, request, label, timer.expired) };
    } finally {
      timer.stop();
    }
  }

  private noAnswer(
    error: unknown,
    request: HttpRequest<unknown>,
    label: string,
    expired: 'answer' | 'body' | undefined,
  ): { error: ApiError; again: 'network' | 'timeout' | 'never' } {
    const subject = request.what.subject;
    const seconds = (ms: number): number => Math.max(1, Math.round(ms / 1000));
    if (request.signal?.aborted) return { error: this.stopped(request, label), again: 'never' };
    if (error instanceof ResponseTooLarge) {
      return {
        error: apiError(
          'malformed',
          `Sentry's answer for ${subject} was larger than ${this.maxResponseBytes} bytes and was not ` +
            `read: Sentry sends nothing that large. Check that ${this.baseUrl} is your Sentry server ` +
            `(or the proxy in front of it) and try again.`,
          { request: label },
        ),
        again: 'never',
      };
    }
    if (expired === 'body') {
      return {
        error: apiError(
          'timeout',
          `Sentry at ${this.baseUrl} did not finish sending its answer within ` +
            `${seconds(this.bodyTimeoutMs)} s while loading ${subject}. ` +
            `The server is overloaded or a proxy holds the answer; try again later.`,
          { request: label },
        ),
        again: 'timeout',
      };
    }
    const reason = networkReason(error);
    if (expired === 'answer' || reason === connectTimeoutReason) {
      const what =
        reason === connectTimeoutReason
          ? `did not accept a connection within ${seconds(this.connectTimeoutMs)} s`
          : `did not answer within ${seconds(this.timeoutMs)} s`;
      return {
        error: apiError(
          'timeout',
          `Sentry at ${this.baseUrl} ${what} while loading ${subject}. Check your connection and try again.`,
          { request: label },
        ),
        again: 'timeout',
      };
    }
    return {
      error: apiError(
        'network',
        `Could not reach Sentry at ${this.baseUrl} (${reason}) while loading ${subject}. Check the URL, your network or proxy, and try again.`,
        { request: label },
      ),
      again: 'network',
    };
  }

  /** A cancelled request, or one whose operation deadline passed. */
  private stopped(request: HttpRequest<unknown>, label: string): ApiError {
    const deadline = exceededDeadline(request.signal);
    if (!deadline) return apiError('cancelled', `Loading ${request.what.subject} was cancelled.`, { request: label });
    return apiError(
      'deadline',
      `Loading ${request.what.subject} from Sentry at ${this.baseUrl} did not finish within the ${Math.round(deadline.ms / 1000)} s allowed: the server is busy or slow. Refresh to load the rest.`,
      { request: label },
    );
  }

  private windowAfterDeadline(request: HttpRequest<unknown>, label: string, waitMs: number): ApiError {
    return apiError(
      'deadline',
      `Sentry at ${this.baseUrl} is rate-limiting requests for ${request.what.subject}, ` +
        `and its next window opens in ${Math.ceil(waitMs / 1000)} s, ` +
        `after the time allowed for this load. Refresh to load the rest.`,
      { status: 429, request: label },
    );
  }

  private windowClosed(request: HttpRequest<unknown>, label: string, waitMs: number): ApiError {
    return apiError(
      'rateLimited',
      `Sentry at ${this.baseUrl} asked for no more requests for ${request.what.subject} for a while (429). Try again in ${Math.ceil(waitMs / 1000)} s.`,
      { status: 429, request: label },
    );
  }

  private gaveUpOnRateLimit(refusal: ApiError, verdict: RefusalVerdict): ApiError {
    if (verdict.kind === 'giveUp' && verdict.reason === 'longWait') {
      return {
        ...refusal,
        message: `${refusal.message.replace(/ Wait a minute and refresh\./, '')} Try again in ${Math.ceil(verdict.waitMs / 1000)} s.`,
      };
    }
    return refusal;
  }

  private settle<T>(
    exchange: { status: number; headers: Headers; text: string },
    request: HttpRequest<T>,
    label: string,
  ): Result<HttpResponse<T>, ApiError> {
    const { status, headers, text } = exchange;
    if (status < 200 || status >= 300)
      return err(
        errorForStatus(status, text, request.what, this.baseUrl, label, {
          location: single(headers.location),
          challenge: single(headers['www-authenticate']),
        }),
      );
    let json: unknown;
    try {
      // A bulk PUT may answer 204 with no body.
      json = text === '' && status === 204 ? null : JSON.parse(text);
    } catch {
      if (looksLikeWebPage(text)) return err(notSentryError(this.baseUrl, request.what.subject, status, label));
      return err(
        apiError(
          'malformed',
          `Sentry answered ${request.what.subject} with something that is not JSON (${status}): cut off, or not from Sentry. Is ${this.baseUrl} a Sentry server? Check the server URL and try again.`,
          { status, request: label },
        ),
      );
    }
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) {
      return err(
        apiError(
          'schema',
          `Sentry's answer for ${request.what.subject} has an unexpected shape: ` +
            `${describeSchemaIssues(parsed.error)}. The server may run a Sentry version Sentry Insight ` +
            `does not know: update the extension, or report it with this message.`,
          { status, request: label },
        ),
      );
    }
    return ok({ status, data: parsed.data, headers });
  }

  private urlFor(request: HttpRequest<unknown>): URL {
    const server = new URL(request.serverUrl ?? this.baseUrl);
    const url = new URL(server.origin);
    url.pathname = server.pathname.replace(/\/+$/, '') + request.path;
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value === undefined) continue;
      for (const item of typeof value === 'object' ? value : [String(value)]) url.searchParams.append(key, item);
    }
    return url;
  }

  private headersFor(request: HttpRequest<unknown>, url: URL): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.options.userAgent ?? 'sentry-insight',
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const token = this.options.token;
    if (token && request.authenticated !== false && mayCarryToken(this.baseUrl, url.origin))
      headers.authorization = `Bearer ${token}`;
    return headers;
  }

  private poolFor(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      // The limiters bound what is in flight per class; the pool only needs room for all classes at their ceiling.
      // Idle sockets close after a while whatever the server's keep-alive hint, so none lingers.
      pool = new Pool(origin, {
        connections: this.maxConcurrency * endpointClasses.length,
        keepAliveTimeout: 10_000,
        keepAliveMaxTimeout: 30_000,
        pipelining: 1,
        connect: { timeout: this.connectTimeoutMs },
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

class ResponseTooLarge extends Error {}

const connectTimeoutReason = 'connect timeout';

/** One attempt's clock: first the wait for the answer, then for the whole body; says which one ran out. */
class AttemptTimer {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  expired: 'answer' | 'body' | undefined;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  start(phase: 'answer' | 'body', ms: number): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.expired = phase;
      this.controller.abort();
    }, ms);
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

async function readCapped(body: AsyncIterable<Buffer | Uint8Array>, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new ResponseTooLarge();
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function networkReason(error: unknown): string {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ??
    (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'DNS lookup failed',
    ECONNRESET: 'connection reset',
    UND_ERR_SOCKET: 'connection closed',
    UND_ERR_CONNECT_TIMEOUT: connectTimeoutReason,
    ETIMEDOUT: 'connection timed out',
    CERT_HAS_EXPIRED: 'TLS certificate expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  };
  if (typeof code === 'string') return known[code] ?? code;
  return error instanceof Error ? error.message.slice(0, 120) : 'unknown error';
}
