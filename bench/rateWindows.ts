// A simulated sentry.io in front of the fake Sentry, for benchmarks: fixed one-second windows per endpoint class
// (issue details 5/s, an issue's events 15/s, the organization events endpoint (Discover) 30/s, lists and the rest
// 40/s, each scaled by `scale`), a concurrency limit,
// every answer after a fixed latency, and the 429 as sentry.io sends it: a bare JSON string without Retry-After.
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { sharedNow, type RequestSpan } from '../test/support/roundTrips';

export interface WindowClass {
  readonly name: string;
  readonly limit: number;
  readonly matches: (path: string) => boolean;
}

export const sentryIoClasses = (scale: number): WindowClass[] => [
  { name: 'details', limit: 5 * scale, matches: (path) => /\/issues\/[^/]+\/$/.test(path) },
  { name: 'events', limit: 15 * scale, matches: (path) => /\/issues\/[^/]+\/events\/[^/]+\/$/.test(path) },
  // sentry.io's legacy limit for it (organization_events.py); the reduced one, 1,000 per 5 minutes, admits a whole
  // N = 5,000 load's 100 requests in one window.
  { name: 'discover', limit: 30 * scale, matches: (path) => /^\/api\/0\/organizations\/[^/]+\/events\/$/.test(path) },
  { name: 'lists', limit: 40 * scale, matches: () => true },
];

export interface ProxyCounts {
  /** Answered requests per class (429s not included). */
  readonly served: Record<string, number>;
  readonly tooMany: number;
  readonly maxInFlight: number;
}

export class RateWindowProxy {
  private readonly server: Server;
  private readonly windows = new Map<string, { second: number; used: number }>();
  private inFlight = 0;
  private counts = { served: {} as Record<string, number>, tooMany: 0, maxInFlight: 0 };
  /** Every request's arrival and answer since the last `takeSpans`, refused ones too: each is a round trip. */
  private spans: RequestSpan[] = [];
  url = '';

  constructor(
    private readonly upstream: string,
    private readonly classes: readonly WindowClass[],
    private readonly concurrencyLimit: number,
    private readonly latencyMs: number,
  ) {
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Counts since the last call. */
  takeCounts(): ProxyCounts {
    const counts = this.counts;
    this.counts = { served: {}, tooMany: 0, maxInFlight: 0 };
    return counts;
  }

  /** Spans since the last call. */
  takeSpans(): RequestSpan[] {
    const spans = this.spans;
    this.spans = [];
    return spans;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const startedAt = sharedNow();
    this.inFlight += 1;
    this.counts.maxInFlight = Math.max(this.counts.maxInFlight, this.inFlight);
    try {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      const windowClass = this.classes.find((candidate) => candidate.matches(path)) as WindowClass;
      // Sentry's limiter counts every request, refused ones too, in a window that starts on the wall clock's second.
      const second = Math.floor(Date.now() / 1000);
      const window = this.windows.get(windowClass.name);
      const current = window && window.second === second ? window : { second, used: 0 };
      current.used += 1;
      this.windows.set(windowClass.name, current);
      const headers = {
        'X-Sentry-Rate-Limit-Limit': String(windowClass.limit),
        'X-Sentry-Rate-Limit-Remaining': String(Math.max(0, windowClass.limit - current.used)),
        'X-Sentry-Rate-Limit-Reset': String(second + 1),
        'X-Sentry-Rate-Limit-ConcurrentLimit': String(this.concurrencyLimit),
        'X-Sentry-Rate-Limit-ConcurrentRemaining': String(Math.max(0, this.concurrencyLimit - this.inFlight)),
      };
      await delay(this.latencyMs);
      if (this.inFlight > this.concurrencyLimit) {
        this.tooMany(
          response,
          headers,
          `You are attempting to go above the allowed concurrency for this endpoint. Concurrency limit is ${this.concurrencyLimit}`,
        );
      } else if (current.used > windowClass.limit) {
        this.tooMany(
          response,
          headers,
          `You are attempting to use this endpoint too frequently. Limit is ${windowClass.limit} requests in 1 seconds`,
        );
      } else {
        this.counts.served[windowClass.name] = (this.counts.served[windowClass.name] ?? 0) + 1;
        await this.forward(request, response, headers);
      }
    } finally {
      this.inFlight -= 1;
      const label = `${request.method ?? 'GET'} ${decodeURIComponent(request.url ?? '/')} ${response.statusCode}`;
      this.spans.push({ startedAt, endedAt: sharedNow(), label });
    }
  }

  private tooMany(response: ServerResponse, headers: Record<string, string>, message: string): void {
    this.counts.tooMany += 1;
    const body = JSON.stringify(message);
    response.writeHead(429, {
      ...headers,
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
    });
    response.end(body);
  }

  private forward(request: IncomingMessage, response: ServerResponse, headers: Record<string, string>): Promise<void> {
    return new Promise((resolve) => {
      const upstream = httpRequest(
        `${this.upstream}${request.url ?? '/'}`,
        { method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...headers });
          answer.pipe(response);
          answer.on('end', resolve);
          answer.on('error', () => resolve());
        },
      );
      upstream.on('error', () => {
        response.writeHead(502);
        response.end();
        resolve();
      });
      request.pipe(upstream);
    });
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
