// Spotlight's sidecar in a process of its own for the benches: its server (setupSpotlight, as frameworks embed it) on a
// free port, printing `{"port":…}` once listening; on stdin `stats` it prints its peak resident memory; when stdin ends
// it exits. Started without Spotlight's own CLI, whose instrument.js sends Spotlight's telemetry to sentry.io.
import { createInterface } from 'node:readline';
import { setupSpotlight } from '@spotlightjs/spotlight';

const server = await setupSpotlight({
  port: 0,
  isStandalone: true,
  logger: { info() {}, warn() {}, error() {}, debug() {} },
});
if (server === undefined) {
  process.stderr.write('Spotlight did not start a server\n');
  process.exit(1);
}
if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === 'stats')
    process.stdout.write(`${JSON.stringify({ peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
});
lines.on('close', () => process.exit(0));
