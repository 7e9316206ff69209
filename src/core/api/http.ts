// The HTTP layer under the Sentry client: one keep-alive pool per host, bounded concurrency, retries for 429, 5xx,
// network errors and timeouts, and zod validation of every answer. The token goes only to hosts allowed to carry it.
import { Pool } from 'undici';
import type { z } from 'zod';
import type { Logger } from '../log';
import { err, ok, type Result } from '../result';
import { ConcurrencyGate } from './concurrencyGate';
import { apiError, type ApiError } from './errors';
import { backoffDelay, defaultRetryPolicy, rateLimitWaitMs, type RetryPolicy } from './retryPolicy';
import { describeSchemaIssues } from './schemaError';
import { errorForStatus, type RequestDescription } from './statusErrors';
import { mayCarryToken } from './trustedHosts';

export type Headers = Record<string, string | string[] | undefined>;
export type Query = Record<string, string | number | readonly string[] | undefined>;

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

export interface HttpOptions {
  /** The configured server, e.g. `https://sentry.io` or `https://sentry.example.com/sentry`. */
  readonly baseUrl: string;
  readonly token?: string;
  readonly log: Logger;
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Upper bound on requests in flight; lowered further by `X-Sentry-Rate-Limit-ConcurrentLimit`. */
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
  /** Waits ahead of other requests for a slot: list pages, so that the work they lead to is not starved. */
  readonly urgent?: boolean;
  /** False for requests that must go without the token (backend detection). */
  readonly authenticated?: boolean;
  readonly signal?: AbortSignal;
}

export interface HttpResponse<T> {
  readonly status: number;
  readonly data: T;
  readonly headers: Headers;
}

type Attempt<T> =
  | { readonly kind: 'done'; readonly result: Result<HttpResponse<T>, ApiError> }
  | { readonly kind: 'rateLimited'; readonly error: ApiError; readonly waitMs: number | undefined }
  | { readonly kind: 'transient'; readonly error: ApiError };

export class SentryHttp {
  private readonly pools = new Map<string, Pool>();
  private readonly gate: ConcurrencyGate;
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  /** Set when the server said no requests remain in this window: nothing is sent before then. */
  private quietUntil = 0;

  constructor(private readonly options: HttpOptions) {
    this.gate = new ConcurrencyGate(options.maxConcurrency ?? 4);
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 32 * 1024 * 1024;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  get concurrencyLimit(): number {
    return this.gate.currentLimit;
  }

  async send<T>(request: HttpRequest<T>): Promise<Result<HttpResponse<T>, ApiError>> {
    let retries = 0;
    let rateLimitRetries = 0;
    for (;;) {
      await this.waitForQuietWindow(request.signal);
      const attempt = await this.gate.run(() => this.attempt(request), request.urgent);
      if (attempt.kind === 'done') return attempt.result;
      if (request.signal?.aborted) return err(apiError('cancelled', `Loading ${request.what.subject} was cancelled.`));
      if (attempt.kind === 'rateLimited') {
        const waitMs = attempt.waitMs ?? backoffDelay(this.retry, rateLimitRetries, this.random);
        if (rateLimitRetries >= this.retry.maxRateLimitRetries || waitMs > this.retry.maxRateLimitWaitMs) {
          const seconds = Math.ceil(waitMs / 1000);
          return err({ ...attempt.error, message: `${attempt.error.message.replace(/ Wait a minute and refresh\./, '')} Try again in ${seconds} s.` });
        }
        rateLimitRetries++;
        this.options.log.debug(`${request.method} ${request.path}: rate-limited, retrying in ${waitMs} ms`);
        await this.clock.sleep(waitMs, request.signal);
        continue;
      }
      if (retries >= this.retry.maxRetries) return err(attempt.error);
      const waitMs = backoffDelay(this.retry, retries, this.random);
      retries++;
      this.options.log.debug(`${request.method} ${request.path}: ${attempt.error.kind}, retry ${retries} in ${waitMs} ms`);
      await this.clock.sleep(waitMs, request.signal);
    }
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.allSettled(pools.map((pool) => pool.close()));
  }

  private async waitForQuietWindow(signal: AbortSignal | undefined): Promise<void> {
    const waitMs = Math.min(this.quietUntil - this.clock.now(), this.retry.maxRateLimitWaitMs);
    if (waitMs > 0) await this.clock.sleep(waitMs, signal);
  }

  private async attempt<T>(request: HttpRequest<T>): Promise<Attempt<T>> {
    const url = this.urlFor(request);
    const label = `${request.method} ${url.pathname}`;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let status: number;
    let headers: Headers;
    let text: string;
    try {
      const response = await this.poolFor(url.origin).request({
        method: request.method,
        path: url.pathname + url.search,
        headers: this.headersFor(request, url),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
      });
      status = response.statusCode;
      headers = response.headers;
      text = await readCapped(response.body, this.maxResponseBytes);
    } catch (error) {
      return this.failedAttempt(error, request, label, timeout.aborted);
    }
    this.noteRateLimitHeaders(headers);
    this.options.log.trace(`${label} -> ${status}`);
    if (status === 429) {
      return { kind: 'rateLimited', error: errorForStatus(status, text, request.what, this.baseUrl, label), waitMs: rateLimitWaitMs(headers, this.clock.now()) };
    }
    if (status >= 500) return { kind: 'transient', error: errorForStatus(status, text, request.what, this.baseUrl, label) };
    if (status < 200 || status >= 300) return { kind: 'done', result: err(errorForStatus(status, text, request.what, this.baseUrl, label)) };
    return { kind: 'done', result: this.parse(text, status, headers, request, label) };
  }

  private failedAttempt<T>(error: unknown, request: HttpRequest<T>, label: string, timedOut: boolean): Attempt<T> {
    if (request.signal?.aborted) return { kind: 'done', result: err(apiError('cancelled', `Loading ${request.what.subject} was cancelled.`)) };
    if (timedOut) {
      return {
        kind: 'transient',
        error: apiError('timeout', `Sentry at ${this.baseUrl} did not answer within ${Math.round(this.timeoutMs / 1000)} s while loading ${request.what.subject}. Check your connection and try again.`, { request: label }),
      };
    }
    if (error instanceof ResponseTooLarge) {
      return { kind: 'done', result: err(apiError('malformed', `Sentry's answer for ${request.what.subject} was larger than ${this.maxResponseBytes} bytes and was not read.`, { request: label })) };
    }
    const reason = networkReason(error);
    return {
      kind: 'transient',
      error: apiError('network', `Could not reach Sentry at ${this.baseUrl} (${reason}) while loading ${request.what.subject}. Check the URL, your network or proxy, and try again.`, { request: label }),
    };
  }

  private parse<T>(text: string, status: number, headers: Headers, request: HttpRequest<T>, label: string): Result<HttpResponse<T>, ApiError> {
    let json: unknown;
    try {
      // A bulk PUT may answer 204 with no body.
      json = text === '' && status === 204 ? null : JSON.parse(text);
    } catch {
      return err(apiError('malformed', `Sentry answered ${request.what.subject} with something that is not JSON (${status}). Is ${this.baseUrl} a Sentry server?`, { status, request: label }));
    }
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) {
      return err(apiError('schema', `Sentry's answer for ${request.what.subject} has an unexpected shape: ${describeSchemaIssues(parsed.error)}.`, { status, request: label }));
    }
    return ok({ status, data: parsed.data, headers });
  }

  private noteRateLimitHeaders(headers: Headers): void {
    const concurrentLimit = Number(single(headers['x-sentry-rate-limit-concurrentlimit']));
    if (concurrentLimit > 0) this.gate.lowerLimitTo(concurrentLimit);
    const remaining = single(headers['x-sentry-rate-limit-remaining']);
    const reset = Number(single(headers['x-sentry-rate-limit-reset']));
    if (remaining === '0' && reset > 0) this.quietUntil = Math.max(this.quietUntil, reset * 1000);
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
    if (token && request.authenticated !== false && mayCarryToken(this.baseUrl, url.origin)) headers.authorization = `Bearer ${token}`;
    return headers;
  }

  private poolFor(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections: this.gate.currentLimit, keepAliveTimeout: 30_000, pipelining: 1 });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

class ResponseTooLarge extends Error {}

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
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'DNS lookup failed',
    ECONNRESET: 'connection reset',
    UND_ERR_SOCKET: 'connection closed',
    UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
    ETIMEDOUT: 'connection timed out',
    CERT_HAS_EXPIRED: 'TLS certificate expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  };
  if (typeof code === 'string') return known[code] ?? code;
  return error instanceof Error ? error.message.slice(0, 120) : 'unknown error';
}
