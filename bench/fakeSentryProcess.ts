// Runs a fake Sentry in its own process for benchmarks, so the server's CPU time does not count against the client's.
// Started by bench files with `fork`; prints its URL as the first line on stdout and stops when its parent disconnects.
import { addManyIssues, defaultScenario, scenario, startFakeSentry } from '../test/support/fakeSentry';

async function main(): Promise<void> {
  const issues = Number(process.env.BENCH_ISSUES ?? 400);
  const delayMs = Number(process.env.BENCH_DELAY_MS ?? 15);
  const data = defaultScenario();
  addManyIssues(data, issues, { projectId: scenario.projects.web.id, release: scenario.releases.v120 });
  const fake = await startFakeSentry({ data, rateLimit: false, responseDelayMs: delayMs });
  process.send?.({ url: fake.url, issues: data.issues.length });
  process.on('disconnect', () => void fake.close().then(() => process.exit(0)));
}

void main();
