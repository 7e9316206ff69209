// Benchmark: 30-frame minified browser events symbolicated through a real bundle's source map (bench/minifiedBundle),
// into our local Sentry in its own process on one core, 8 in flight. Baseline in the same run: the same events into a
// memory-only server without a workspace (no symbolication). Then, past the store's event cap, the server's peak
// memory, and a restart on the full store: time from the process's spawn to its first issue list, against a start on
// an empty store.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultStoreLimits } from '../src/core/local/store/storeLimits';
import type { LocalSentryProcessStats } from './localSentryProcess';
import { minifiedWorkspace, type BrowserFrame } from './minifiedBundle';
import { pinnedToOneCore, sendEnvelopes, ServerProcess } from './serverProcesses';

const BASELINE_EVENTS = 2_000;
/** Past the cap, so that the store evicts as it does in a long session. */
const EVENTS = defaultStoreLimits.maxEvents + 1_000;
/** Issues, one per exception type: enough that the per-issue cap does not keep the store below its event cap. */
const ISSUES = 200;
const IN_FLIGHT = 8;
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

function browserEnvelope(frames: readonly BrowserFrame[], index: number): string {
  const eventId = (index + 1).toString(16).padStart(32, '0');
  const event = {
    event_id: eventId,
    platform: 'javascript',
    sdk: { name: 'sentry.javascript.browser', version: '10.31.0' },
    release: 'bench@1.0.0',
    environment: 'bench',
    request: { url: 'http://localhost:5173/', headers: { 'User-Agent': USER_AGENT } },
    exception: {
      values: [
        {
          type: `Bench${index % ISSUES}Error`,
          value: `failure ${index} at depth 352`,
          stacktrace: { frames },
          mechanism: { type: 'onerror', handled: false },
        },
      ],
    },
  };
  return `{"event_id":"${eventId}","sent_at":"2026-12-04T00:00:00.000Z"}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
}

function getJson(port: number, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`GET ${path} answered ${response.statusCode}`));
        else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Fails the bench unless the latest event's innermost frame was mapped to the original source. */
async function checkSymbolicated(port: number): Promise<void> {
  const issues = (await getJson(port, '/api/0/organizations/local/issues/?query=&limit=1')) as Array<{ id: string }>;
  const event = (await getJson(port, `/api/0/issues/${issues[0]?.id}/events/latest/`)) as {
    entries: Array<{
      type: string;
      data: { values?: Array<{ stacktrace?: { frames: Array<{ filename: string; lineNo: number }> } }> };
    }>;
  };
  const frames = event.entries.find((entry) => entry.type === 'exception')?.data.values?.[0]?.stacktrace?.frames ?? [];
  const innermost = frames[frames.length - 1];
  if (frames.length !== 30 || innermost?.filename !== 'src/fail.ts' || innermost.lineNo !== 4) {
    throw new Error(`not symbolicated: ${frames.length} frames, innermost ${JSON.stringify(innermost)}`);
  }
}

/** Milliseconds from the spawn to the first issue list answered. */
async function restartMs(start: () => Promise<ServerProcess>): Promise<{ listeningMs: number; firstListMs: number }> {
  const started = performance.now();
  const server = await start();
  try {
    await getJson(server.port, '/api/0/organizations/local/issues/?query=&limit=100');
    return { listeningMs: server.startMs, firstListMs: performance.now() - started };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const workspace = minifiedWorkspace();
  const store = mkdtempSync(join(tmpdir(), 'minified-bench-store-'));
  const emptyStore = mkdtempSync(join(tmpdir(), 'minified-bench-empty-'));
  const script = join(__dirname, 'localSentryProcess.js');
  const start = (options: object) => (): Promise<ServerProcess> =>
    ServerProcess.start(script, [JSON.stringify(options)]);
  const full = { storeDirectory: store, workspaceFolders: [{ name: 'app', path: workspace.folder }] };
  try {
    const envelopeAt = (index: number): string => browserEnvelope(workspace.frames, index);
    const baselineServer = await start({})();
    const baseline = await sendEnvelopes(baselineServer.port, BASELINE_EVENTS, IN_FLIGHT, envelopeAt).finally(() =>
      baselineServer.stop(),
    );

    const server = await start(full)();
    let rate: number;
    let stats: LocalSentryProcessStats;
    try {
      rate = await sendEnvelopes(server.port, EVENTS, IN_FLIGHT, envelopeAt);
      await checkSymbolicated(server.port);
      stats = await server.stats<LocalSentryProcessStats>();
    } finally {
      await server.stop();
    }
    const emptyStart = await restartMs(start({ storeDirectory: emptyStore, workspaceFolders: full.workspaceFolders }));
    const fullStart = await restartMs(start(full));

    const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);
    console.log(
      `${workspace.frames.length}-frame minified browser events, bundle ${mib(workspace.bundleBytes)} MiB with a ${mib(workspace.mapBytes)} MiB map, ${ISSUES} issues, ${IN_FLIGHT} in flight${pinnedToOneCore ? ', server pinned to one core' : ''}`,
    );
    console.log(`  memory only, no workspace (baseline), ${BASELINE_EVENTS} events: ${baseline.toFixed(0)} events/s`);
    console.log(
      `  persisted + symbolicated, ${EVENTS} events:           ${rate.toFixed(0)} events/s (target >= 1,000), ratio to baseline ${(rate / baseline).toFixed(2)}x`,
    );
    console.log(
      `  at the cap (${stats.events} events, ${stats.issues} issues kept): peak RSS ${stats.peakRssMiB.toFixed(0)} MiB (target < 300)`,
    );
    console.log(
      `  start on an empty store (baseline): listening ${emptyStart.listeningMs.toFixed(0)} ms, first issue list ${emptyStart.firstListMs.toFixed(0)} ms`,
    );
    console.log(
      `  restart on the full store:          listening ${fullStart.listeningMs.toFixed(0)} ms, first issue list ${fullStart.firstListMs.toFixed(0)} ms (target < 2,000)`,
    );
  } finally {
    for (const folder of [workspace.folder, store, emptyStore]) rmSync(folder, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
