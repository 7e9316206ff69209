// A local Sentry in a process of its own, for the benches that compare it with another server or restart it: started
// with the options given as JSON in argv[2], it prints `{"port":…}` once listening; on stdin `stats` it prints its
// peak resident memory and what it stores; when stdin ends it closes and exits.
import { createInterface } from 'node:readline';
import { startLocalSentry, type LocalSentryOptions } from '../src/core/local/localSentry';

export interface LocalSentryProcessStats {
  readonly peakRssMiB: number;
  readonly issues: number;
  readonly events: number;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as LocalSentryOptions;
  const server = await startLocalSentry({ ...options, port: 0 });
  process.stdout.write(`${JSON.stringify({ port: server.port, token: server.apiToken })}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() !== 'stats') return;
    const stats: LocalSentryProcessStats = {
      // maxRSS is in kibibytes.
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      issues: server.store.issues().length,
      events: server.store.eventCount,
    };
    process.stdout.write(`${JSON.stringify(stats)}\n`);
  });
  lines.on('close', () => {
    void server.close().then(() => process.exit(0));
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`local Sentry process: ${String(error)}\n`);
  process.exit(1);
});
