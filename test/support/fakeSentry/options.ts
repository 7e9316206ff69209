// The fake server's options, their defaults, and the state every route reads.
import { FakeSentryData } from './model';
import { JsonObject } from './json';
import type { RateWindowRule } from './rateWindows';

export type Flavour = 'sentry' | 'glitchtip';

export interface RateLimitSettings {
  limit: number;
  remaining: number;
  /** `X-Sentry-Rate-Limit-Reset` is the wall clock plus this many seconds, in epoch seconds. */
  resetAfterSeconds: number;
  concurrentLimit: number;
}

export interface FakeSentryOptions {
  /** 'sentry' (default) or 'glitchtip': paths, shapes, pagination and errors of that backend. */
  flavour?: Flavour;
  /** The data to serve; default `defaultScenario()`. The object stays live: change it between requests. */
  data?: FakeSentryData;
  /** Bearer token -> its scopes. Default: `{ [DEFAULT_TOKEN]: ALL_SCOPES }`. */
  tokens?: Record<string, readonly string[]>;
  /** Rate-limit headers on every Sentry answer; `false` sends none (self-hosted Sentry). */
  rateLimit?: Partial<RateLimitSettings> | false;
  /** Enforced concurrency limit: a request arriving while this many are in flight gets 429. */
  concurrencyLimit?: number;
  /** Enforced fixed windows per endpoint (e.g. `sentryIoWindows`); their headers replace the static rate-limit ones. */
  rateWindows?: readonly RateWindowRule[];
  /**
   * Sentry's 429 body: a bare JSON string (default, as sentry-api-notes §3.8) or `{"detail": "..."}` (current Sentry
   * source).
   */
  tooManyRequestsBody?: 'bareString' | 'detailObject';
  /** GlitchTip's 429 `Retry-After` in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Delay every answer this long (bounded; cleared by close) so concurrent requests overlap. */
  responseDelayMs?: number;
  /** Origin written into `Link` header URLs instead of the server's own, e.g. `https://acme.sentry.io`. */
  linkOrigin?: string;
  /** GlitchTip `GET /api/settings/` `version`. */
  glitchtipVersion?: string;
  /** The organization events endpoint (Discover); `false` answers 404, as self-hosted Sentry without the feature. Default on. */
  discover?: boolean;
}

export const DEFAULT_TOKEN = 'sntryu_' + '0123456789abcdef'.repeat(4);

export const ALL_SCOPES: readonly string[] = [
  'org:read',
  'org:write',
  'project:read',
  'project:write',
  'project:releases',
  'team:read',
  'member:read',
  'event:read',
  'event:write',
  'event:admin',
];

export interface ResolvedOptions {
  flavour: Flavour;
  tokens: Record<string, readonly string[]>;
  rateLimit: RateLimitSettings | false;
  concurrencyLimit: number | undefined;
  rateWindows: readonly RateWindowRule[];
  tooManyRequestsBody: 'bareString' | 'detailObject';
  retryAfterSeconds: number;
  responseDelayMs: number;
  linkOrigin: string | undefined;
  glitchtipVersion: string;
  discover: boolean;
}

export function resolveOptions(options: FakeSentryOptions): ResolvedOptions {
  return {
    flavour: options.flavour ?? 'sentry',
    tokens: options.tokens ?? { [DEFAULT_TOKEN]: ALL_SCOPES },
    rateLimit:
      options.rateLimit === false
        ? false
        : { limit: 40, remaining: 39, resetAfterSeconds: 1, concurrentLimit: 25, ...options.rateLimit },
    concurrencyLimit: options.concurrencyLimit,
    rateWindows: options.rateWindows ?? [],
    tooManyRequestsBody: options.tooManyRequestsBody ?? 'bareString',
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    responseDelayMs: options.responseDelayMs ?? 0,
    linkOrigin: options.linkOrigin,
    glitchtipVersion: options.glitchtipVersion ?? '5.1.0',
    discover: options.discover ?? true,
  };
}

/** One PUT an issue received, as the fake applied it. */
export interface IssueUpdate {
  issueId: string;
  body: JsonObject;
}

export interface ServerState {
  readonly options: ResolvedOptions;
  /** Live data; tests may change it or assign a new object between requests. */
  data: FakeSentryData;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  readonly issueUpdates: IssueUpdate[];
}
