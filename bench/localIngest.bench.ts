// Benchmark: ingest throughput of the embedded local Sentry over HTTP, 2,000 SDK-like error envelopes from 8 concurrent
// senders. Baseline in the same run: a memory-only server without a workspace; then a server that persists every
// event and symbolicates its frames against a workspace (source context read from disk). Prints events per second and
// the ratio of the full pipeline to the baseline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalSentry, type LocalSentryOptions } from '../src/core/local/localSentry';
import { postEnvelope } from './serverProcesses';
import { smallNodeEnvelope, writeSmallNodeWorkspace } from './smallNodeEnvelope';

const EVENTS = 2_000;
const SENDERS = 8;

async function measure(options: LocalSentryOptions, workspace: string): Promise<number> {
  const server = await startLocalSentry(options);
  try {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (next < EVENTS) {
          const status = await postEnvelope(server.port, smallNodeEnvelope(workspace, next++));
          if (status !== 200) throw new Error(`ingest answered ${status}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    if (server.store.issues().length !== 20) throw new Error(`expected 20 issues, got ${server.store.issues().length}`);
    return EVENTS / seconds;
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'local-ingest-bench-'));
  const store = mkdtempSync(join(tmpdir(), 'local-ingest-store-'));
  writeSmallNodeWorkspace(workspace);
  try {
    await measure({}, workspace); // warm-up: JIT and sockets
    const baseline = await measure({}, workspace);
    const full = await measure(
      { storeDirectory: store, workspaceFolders: [{ name: 'bench', path: workspace }] },
      workspace,
    );
    console.log(`${EVENTS} error envelopes, ${SENDERS} concurrent senders, 20 issues`);
    console.log(`  memory only, no workspace (baseline): ${baseline.toFixed(0)} events/s`);
    console.log(`  persisted + symbolicated:             ${full.toFixed(0)} events/s`);
    console.log(`  ratio to baseline: ${(full / baseline).toFixed(2)}x`);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(store, { recursive: true, force: true });
  }
}

void main();
