// The fake Sentry HTTP server on 127.0.0.1: records each request, applies faults and limits, routes, and answers.
import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Answer, AnswerNow, detail, glitchtipMessages, isRawBody, json, sentryMessages } from './answer';
import { readCredentials, refuse } from './auth';
import { Fault, faultAnswer, FaultQueue } from './faults';
import { GlitchtipCursorError } from './glitchtipPagination';
import { AnswerNow as CoreAnswerNow } from '../../../src/core/local/api/apiAnswer';
import { FakeSentryData } from './model';
import { FakeSentryOptions, Flavour, IssueUpdate, resolveOptions, ServerState } from './options';
import { InFlightCounter, rateLimitHeaders, tooManyConcurrent } from './rateLimit';
import { RateWindows, WindowCounts } from './rateWindows';
import { RecordedRequest, recordRequest } from './requestLog';
import { sharedNow } from '../roundTrips';
import { routesFor } from './routes/routeTable';
import { Route, Router } from './router';
import { defaultScenario } from './scenario';

/** Marks the 404 a server gives for an organization whose `regionUrl` names another server. */
export const WRONG_REGION_HEADER = 'X-Fake-Sentry-Wrong-Region';

interface PendingDelay {
  timer: NodeJS.Timeout;
  finish: (completed: boolean) => void;
}

export class FakeSentry {
  readonly requests: RecordedRequest[] = [];
  private readonly state: ServerState;
  private readonly router: Router;
  private readonly faults = new FaultQueue();
  private readonly inFlight = new InFlightCounter();
  private readonly windows: RateWindows;
  private endlessCursors = 0;
  private readonly delays = new Set<PendingDelay>();
  private readonly server: Server;
  private closed = false;

  constructor(options: FakeSentryOptions = {}) {
    this.state = {
      options: resolveOptions(options),
      data: options.data ?? defaultScenario(),
      url: '',
      issueUpdates: [],
    };
    this.router = new Router(routesFor(this.state.options.flavour));
    this.windows = new RateWindows(this.state.options.rateWindows);
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  get url(): string {
    return this.state.url;
  }

  get flavour(): Flavour {
    return this.state.options.flavour;
  }

  /** The live data: change it, or assign a new one, between requests. */
  get data(): FakeSentryData {
    return this.state.data;
  }

  set data(data: FakeSentryData) {
    this.state.data = data;
  }

  /** Every issue PUT, in order, with the body as received. */
  get issueUpdates(): readonly IssueUpdate[] {
    return this.state.issueUpdates;
  }

  /** The most requests that were in flight at the same moment. */
  get maxConcurrency(): number {
    return this.inFlight.max;
  }

  /** Requests each `rateWindows` rule admitted and refused. */
  get windowCounts(): WindowCounts {
    return this.windows.counts;
  }

  /** Delays (injected or `responseDelayMs`) still waiting; zero after `close()`. */
  get pendingDelays(): number {
    return this.delays.size;
  }

  inject(fault: Fault): void {
    this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Recorded requests whose path equals `path` (or whose path plus query matches the RegExp), optionally by method. */
  requestsTo(path: string | RegExp, method?: string): RecordedRequest[] {
    return this.requests.filter(
      (request) =>
        (method === undefined || request.method === method.toUpperCase()) &&
        (typeof path === 'string' ? request.path === path : path.test(request.path + request.search)),
    );
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.state.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops listening, ends keep-alive and hung connections, and cancels every pending delay. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const delay of this.delays) {
      clearTimeout(delay.timer);
      delay.finish(false);
    }
    this.delays.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const startedAt = sharedNow();
    this.inFlight.enter();
    response.once('close', () => this.inFlight.leave());
    const body = await readBody(request);
    const method = request.method ?? 'GET';
    // Concatenated, not resolved: a request path such as `//x/y` must stay a path, not become a host.
    const url = new URL(`${this.state.url}${request.url ?? '/'}`);
    const record = recordRequest(method, url, request.headers, body, startedAt);
    this.requests.push(record);
    try {
      const answer = await this.answer(method, url, request.headers, body, () => request.socket.destroy());
      if (answer === 'endlessBody') this.sendEndlessBody(response, record);
      else if (answer) this.send(response, record, answer);
    } catch (error) {
      this.send(response, record, json({ detail: sentryMessages.internalError, fakeSentryError: String(error) }, 500));
    }
  }

  /** The answer, or `undefined` when the connection was dropped or the server closed meanwhile. */
  private async answer(
    method: string,
    url: URL,
    headers: IncomingHttpHeaders,
    body: string,
    dropConnection: () => void,
  ): Promise<Answer | 'endlessBody' | undefined> {
    const limit = this.state.options.concurrencyLimit;
    if (limit !== undefined && this.inFlight.current > limit) return tooManyConcurrent(this.state.options, limit);
    const window = this.windows.check(method, url.pathname, this.state.options);
    if (window.refusal) return window.refusal;
    const answer = await this.answerInWindow(method, url, headers, body, dropConnection);
    return answer && answer !== 'endlessBody'
      ? { ...answer, headers: { ...window.headers, ...answer.headers } }
      : answer;
  }

  private async answerInWindow(
    method: string,
    url: URL,
    headers: IncomingHttpHeaders,
    body: string,
    dropConnection: () => void,
  ): Promise<Answer | 'endlessBody' | undefined> {
    const fault = this.faults.take(method, url.pathname, url.search);
    if (fault?.delayMs !== undefined && !(await this.delay(fault.delayMs))) return undefined;
    if (fault?.destroySocket) {
      dropConnection();
      return undefined;
    }
    if (fault?.endlessBody) return 'endlessBody';
    const injected = fault ? faultAnswer(fault, this.state.options) : undefined;
    if (injected) return injected;
    if (fault?.endlessCursor) return this.endlessPage(method, url, headers, body);
    if (this.state.options.responseDelayMs > 0 && !(await this.delay(this.state.options.responseDelayMs)))
      return undefined;
    const routed = await this.route(method, url, headers, body);
    // A fault with only headers (say a deprecation header) decorates the normal answer.
    return fault?.headers ? { ...routed, headers: { ...routed.headers, ...fault.headers } } : routed;
  }

  private async route(method: string, url: URL, headers: IncomingHttpHeaders, body: string): Promise<Answer> {
    const glitchtip = this.state.options.flavour === 'glitchtip';
    const { found, pathKnown } = this.router.match(method, url.pathname);
    if (!found)
      return pathKnown
        ? detail(405, `Method "${method}" not allowed.`)
        : detail(404, glitchtip ? glitchtipMessages.notFound : sentryMessages.notFound);
    const credentials = readCredentials(headers, this.state.options);
    const refusal = refuse(found.route, credentials, this.state.options);
    if (refusal) return refusal;
    const wrongRegion = this.wrongRegion(found.route, found.params['org']);
    if (wrongRegion) return wrongRegion;
    try {
      return await found.route.handle({
        method,
        path: url.pathname,
        query: url.searchParams,
        body,
        params: found.params,
        authenticated: credentials.scopes !== undefined,
        scopes: credentials.scopes ?? [],
        state: this.state,
      });
    } catch (error) {
      if (error instanceof AnswerNow) return error.answer;
      // The search parser and the pagination shared with the local server answer a bad query or cursor this way.
      if (error instanceof CoreAnswerNow) return detail(error.answer.status, error.message);
      if (error instanceof GlitchtipCursorError) return detail(400, error.message);
      return json(
        {
          detail: sentryMessages.internalError,
          fakeSentryError: String(error instanceof Error ? (error.stack ?? error.message) : error),
        },
        500,
      );
    }
  }

  // Region mode: an organization whose regionUrl names another server has its issue data there, not here.
  private wrongRegion(route: Route, orgParam: string | undefined): Answer | undefined {
    if (!route.regionScoped || orgParam === undefined) return undefined;
    const org = this.state.data.organizations.find(
      (candidate) => candidate.slug === orgParam || candidate.id === orgParam,
    );
    if (!org?.regionUrl || org.regionUrl.replace(/\/$/, '') === this.state.url) return undefined;
    return { ...detail(404, sentryMessages.notFound), headers: { [WRONG_REGION_HEADER]: org.regionUrl } };
  }

  private send(response: ServerResponse, record: RecordedRequest, answer: Answer): void {
    if (response.destroyed || response.writableEnded) return;
    const text =
      answer.body === undefined ? '' : isRawBody(answer.body) ? answer.body.raw : JSON.stringify(answer.body);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      ...rateLimitHeaders(this.state.options, this.inFlight.current),
      ...answer.headers,
    };
    record.status = answer.status;
    response.writeHead(answer.status, { ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
    response.end(text);
    record.endedAt = sharedNow();
  }

  /** The first page again, linked to a next page under a fresh cursor: a server that never ends its list. */
  private async endlessPage(method: string, url: URL, headers: IncomingHttpHeaders, body: string): Promise<Answer> {
    const first = new URL(url);
    first.searchParams.delete('cursor');
    const routed = await this.route(method, first, headers, body);
    this.endlessCursors += 1;
    const cursor = `${this.endlessCursors}:0:0`;
    const link = `<${first.href}&cursor=${cursor}>; rel="previous"; results="false"; cursor="${cursor}", <${first.href}&cursor=${cursor}>; rel="next"; results="true"; cursor="${cursor}"`;
    return { ...routed, headers: { ...routed.headers, Link: link } };
  }

  /** Headers and a first byte, then silence: the connection stays open until the client gives up or the server closes. */
  private sendEndlessBody(response: ServerResponse, record: RecordedRequest): void {
    record.status = 200;
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000000' });
    response.write('[');
  }

  /** Waits `ms`; resolves false at once when the server closes meanwhile. */
  private delay(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const pending: PendingDelay = {
        timer: setTimeout(() => {
          this.delays.delete(pending);
          resolve(true);
        }, ms),
        finish: resolve,
      };
      this.delays.add(pending);
    });
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Starts a fake Sentry (or GlitchTip) on 127.0.0.1 at a free port. Always `close()` it. */
export async function startFakeSentry(options: FakeSentryOptions = {}): Promise<FakeSentry> {
  const fake = new FakeSentry(options);
  await fake.listen();
  return fake;
}

/** Runs `body` against a fresh fake, closing it afterwards whatever happens. */
export async function withFakeSentry<T>(
  options: FakeSentryOptions,
  body: (fake: FakeSentry) => Promise<T>,
): Promise<T> {
  const fake = await startFakeSentry(options);
  try {
    return await body(fake);
  } finally {
    await fake.close();
  }
}
