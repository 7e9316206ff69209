// Sentry's fixed per-endpoint rate-limit windows (its Redis limiter: windows start at multiples of their length since
// the epoch), so tests and benchmarks can prove a client paces itself into them. Over the limit a request gets
// Sentry's 429: a bare JSON string without Retry-After (GlitchTip's: {message} with Retry-After).
import { Answer, glitchtipMessages } from './answer';
import { ResolvedOptions } from './options';

export interface RateWindowRule {
  /** A name for counts and messages, e.g. "issueDetails". */
  name: string;
  /** Requests whose method and path (without query) match count in this window; the first matching rule wins. */
  method?: string;
  path: RegExp;
  /** Requests per window. */
  limit: number;
  /** Window length in seconds (may be fractional in tests). */
  seconds: number;
}

/**
 * sentry.io's limits for the endpoints the load path uses (sentry-api-notes §3.8): details 5/s, an issue's events
 * 15/s, lists 40/s, and the organization events endpoint's legacy 30/s (getsentry/sentry, organization_events.py).
 */
export const sentryIoWindows: readonly RateWindowRule[] = [
  { name: 'issueEvents', path: /^\/api\/0\/(?:organizations\/[^/]+\/)?issues\/[^/]+\/events\//, limit: 15, seconds: 1 },
  {
    name: 'issueDetails',
    method: 'GET',
    path: /^\/api\/0\/(?:organizations\/[^/]+\/)?issues\/[^/]+\/$/,
    limit: 5,
    seconds: 1,
  },
  { name: 'issueTags', path: /^\/api\/0\/(?:organizations\/[^/]+\/)?issues\/[^/]+\/tags\//, limit: 10, seconds: 1 },
  {
    name: 'organizationEvents',
    method: 'GET',
    path: /^\/api\/0\/organizations\/[^/]+\/events\/$/,
    limit: 30,
    seconds: 1,
  },
  { name: 'lists', path: /^\/api\/0\//, limit: 40, seconds: 1 },
];

export interface WindowCounts {
  /** Requests each rule admitted. */
  admitted: Record<string, number>;
  /** Requests each rule refused with 429 because its window was full. */
  refused: Record<string, number>;
}

export class RateWindows {
  readonly counts: WindowCounts = { admitted: {}, refused: {} };
  private readonly used = new Map<string, { window: number; count: number }>();

  constructor(private readonly rules: readonly RateWindowRule[]) {}

  /** Counts the request into its window: the 429 when the window is full, else the headers to add to the answer. */
  check(
    method: string,
    path: string,
    options: ResolvedOptions,
    now = Date.now(),
  ): { refusal?: Answer; headers: Record<string, string> } {
    const rule = this.rules.find(
      (candidate) => (candidate.method === undefined || candidate.method === method) && candidate.path.test(path),
    );
    if (!rule) return { headers: {} };
    const windowMs = rule.seconds * 1000;
    const window = Math.floor(now / windowMs);
    const state = this.used.get(rule.name);
    const count = state && state.window === window ? state.count + 1 : 1;
    this.used.set(rule.name, { window, count });
    const full = count > rule.limit;
    const counter = full ? this.counts.refused : this.counts.admitted;
    counter[rule.name] = (counter[rule.name] ?? 0) + 1;
    const headers: Record<string, string> =
      options.flavour === 'glitchtip' || options.rateLimit === false
        ? {}
        : {
            'X-Sentry-Rate-Limit-Limit': String(rule.limit),
            'X-Sentry-Rate-Limit-Remaining': String(Math.max(0, rule.limit - count)),
            // Whole seconds, as Sentry sends them; a fractional test window rounds up to the next second boundary.
            'X-Sentry-Rate-Limit-Reset': String(Math.ceil(((window + 1) * windowMs) / 1000)),
          };
    if (!full) return { headers };
    if (options.flavour === 'glitchtip') {
      return {
        headers,
        refusal: {
          status: 429,
          body: { message: glitchtipMessages.retryLater },
          headers: { 'Retry-After': String(options.retryAfterSeconds) },
        },
      };
    }
    const message = `You are attempting to use this endpoint too frequently. Limit is ${rule.limit} requests in ${rule.seconds} seconds`;
    return {
      headers,
      refusal: {
        status: 429,
        body: options.tooManyRequestsBody === 'bareString' ? message : { detail: message },
        headers,
      },
    };
  }
}
