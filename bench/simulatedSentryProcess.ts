// Runs the benchmark's servers in their own process, so their CPU time does not count against the client's: the fake
// Sentry behind sentry.io's rate windows (the product's server), and the same data with only the latency (the naive
// loader's server, without rate limits). Answers `counts` messages with what the windows saw since the last ones.
import { startFakeSentry } from '../test/support/fakeSentry';
import { loadScenario } from './loadScenario';
import { RateWindowProxy, sentryIoClasses } from './rateWindows';

export interface SimulatedSentry {
  readonly limitedUrl: string;
  readonly unlimitedUrl: string;
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_ISSUES ?? 100);
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 50);
  const { data } = loadScenario(count);
  const behindWindows = await startFakeSentry({ data, rateLimit: false });
  const unlimited = await startFakeSentry({ data, rateLimit: false, responseDelayMs: latencyMs });
  const proxy = new RateWindowProxy(behindWindows.url, sentryIoClasses(scale), 15, latencyMs);
  await proxy.listen();
  process.on('message', (message) => {
    if (message === 'counts') process.send?.({ counts: proxy.takeCounts() });
  });
  process.send?.({ limitedUrl: proxy.url, unlimitedUrl: unlimited.url } satisfies SimulatedSentry);
  process.on('disconnect', () => void Promise.all([proxy.close(), behindWindows.close(), unlimited.close()]).then(() => process.exit(0)));
}

void main();
