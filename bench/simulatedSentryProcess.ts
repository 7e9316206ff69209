// Runs the benchmark's servers in their own process, so their CPU time does not count against the client's: the fake
// Sentry behind sentry.io's rate windows (the product's server), and the same data with only the latency (the naive
// loader's server, without rate limits). Answers `counts` messages with what the windows saw since the last ones, and
// `spans` messages with when each request came and was answered.
import { startFakeSentry } from '../test/support/fakeSentry';
import { loadScenario } from './loadScenario';
import { RateWindowProxy, sentryIoClasses } from './rateWindows';

export interface SimulatedSentry {
  readonly limitedUrl: string;
  /** The same windows in front of a Sentry without the organization events endpoint: the per-issue path alone. */
  readonly perIssueUrl: string;
  readonly unlimitedUrl: string;
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_ISSUES ?? 100);
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 50);
  const { data } = loadScenario(count);
  const behindWindows = await startFakeSentry({ data, rateLimit: false });
  const withoutDiscover = await startFakeSentry({ data, rateLimit: false, discover: false });
  const unlimited = await startFakeSentry({ data, rateLimit: false, responseDelayMs: latencyMs });
  const proxy = new RateWindowProxy(behindWindows.url, sentryIoClasses(scale), 15, latencyMs);
  const perIssueProxy = new RateWindowProxy(withoutDiscover.url, sentryIoClasses(scale), 15, latencyMs);
  await Promise.all([proxy.listen(), perIssueProxy.listen()]);
  process.on('message', (message) => {
    if (message === 'counts') process.send?.({ counts: proxy.takeCounts() });
    if (message === 'perIssueCounts') process.send?.({ counts: perIssueProxy.takeCounts() });
    if (message === 'spans') process.send?.({ spans: proxy.takeSpans() });
    if (message === 'perIssueSpans') process.send?.({ spans: perIssueProxy.takeSpans() });
  });
  process.send?.({
    limitedUrl: proxy.url,
    perIssueUrl: perIssueProxy.url,
    unlimitedUrl: unlimited.url,
  } satisfies SimulatedSentry);
  const servers = [proxy, perIssueProxy, behindWindows, withoutDiscover, unlimited];
  process.on('disconnect', () => void Promise.all(servers.map((server) => server.close())).then(() => process.exit(0)));
}

void main();
