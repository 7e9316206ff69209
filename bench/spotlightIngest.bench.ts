// Benchmark: small Node error events into Spotlight's sidecar and into our local Sentry side by side in one run, each
// server in its own process on one core, the same envelopes with 8 in flight to each. Ours runs as `serve` does: events
// persisted and symbolicated against a workspace (source context read from disk); Spotlight keeps envelopes in memory.
// Spotlight comes from bench/peers (installed by `npm run bench`), never from the extension's dependencies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pinnedToOneCore, sendEnvelopes, ServerProcess } from './serverProcesses';
import { smallNodeEnvelope, writeSmallNodeWorkspace } from './smallNodeEnvelope';

const EVENTS = 4_000;
const WARM_UP_EVENTS = 500;
const IN_FLIGHT = 8;
const ROUNDS = 3;
const peersFolder = resolve('bench', 'peers');

async function eventsPerSecond(
  start: () => Promise<ServerProcess>,
  workspace: string,
): Promise<{ rate: number; peakRssMiB: number }> {
  const server = await start();
  try {
    await sendEnvelopes(server.port, WARM_UP_EVENTS, IN_FLIGHT, (index) =>
      smallNodeEnvelope(workspace, EVENTS + index),
    );
    const rate = await sendEnvelopes(server.port, EVENTS, IN_FLIGHT, (index) => smallNodeEnvelope(workspace, index));
    return { rate, peakRssMiB: (await server.stats()).peakRssMiB };
  } finally {
    await server.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'spotlight-bench-workspace-'));
  writeSmallNodeWorkspace(workspace);
  const stores: string[] = [];
  const startOurs = (): Promise<ServerProcess> => {
    const storeDirectory = mkdtempSync(join(tmpdir(), 'spotlight-bench-store-'));
    stores.push(storeDirectory);
    return ServerProcess.start(join(__dirname, 'localSentryProcess.js'), [
      JSON.stringify({ storeDirectory, workspaceFolders: [{ name: 'bench', path: workspace }] }),
    ]);
  };
  const startSpotlight = (): Promise<ServerProcess> =>
    ServerProcess.start(join(peersFolder, 'spotlightSidecar.mjs'), [], peersFolder);
  try {
    const ours: Array<{ rate: number; peakRssMiB: number }> = [];
    const spotlight: Array<{ rate: number; peakRssMiB: number }> = [];
    // Alternating, so that whatever else the machine does weighs on both alike.
    for (let round = 0; round < ROUNDS; round++) {
      spotlight.push(await eventsPerSecond(startSpotlight, workspace));
      ours.push(await eventsPerSecond(startOurs, workspace));
    }
    const oursRate = median(ours.map((run) => run.rate));
    const spotlightRate = median(spotlight.map((run) => run.rate));
    console.log(
      `${EVENTS} small Node error envelopes (3 frames, 20 issues), ${IN_FLIGHT} in flight, median of ${ROUNDS} alternating runs${pinnedToOneCore ? ', each server pinned to one core' : ''}`,
    );
    console.log(
      `  Spotlight sidecar 4.11 (memory only):      ${spotlightRate.toFixed(0)} events/s (runs: ${spotlight.map((run) => run.rate.toFixed(0)).join(', ')}), peak RSS ${Math.max(...spotlight.map((run) => run.peakRssMiB)).toFixed(0)} MiB`,
    );
    console.log(
      `  ours, persisted + symbolicated:            ${oursRate.toFixed(0)} events/s (runs: ${ours.map((run) => run.rate.toFixed(0)).join(', ')}), peak RSS ${Math.max(...ours.map((run) => run.peakRssMiB)).toFixed(0)} MiB`,
    );
    console.log(`  ours / Spotlight: ${(oursRate / spotlightRate).toFixed(2)}x (target >= 1)`);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    for (const store of stores) rmSync(store, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
