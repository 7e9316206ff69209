// Benchmark: ingest throughput of the embedded local Sentry over HTTP, 2,000 SDK-like error envelopes from 8 concurrent
// senders. Baseline in the same run: a memory-only server without a workspace; then a server that persists every
// event and symbolicates its frames against a workspace (source context read from disk). Prints events per second and
// the ratio of the full pipeline to the baseline.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startLocalSentry, type LocalSentryOptions } from '../src/core/local/localSentry';

const EVENTS = 2_000;
const SENDERS = 8;

function post(port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/1/envelope/?sentry_key=bench', headers: { Host: `127.0.0.1:${port}` } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function envelope(workspace: string, index: number): string {
  const eventId = index.toString(16).padStart(32, '0');
  const frames = [
    { filename: 'node:internal/process/task_queues', function: 'processTicksAndRejections', lineno: 95, colno: 5, in_app: false },
    { filename: join(workspace, 'src/server.js'), function: 'handle', lineno: 3, colno: 10, in_app: true },
    { filename: join(workspace, `src/route${index % 20}.js`), function: `route${index % 20}`, lineno: 2, colno: 9, in_app: true },
  ];
  const event = {
    event_id: eventId,
    platform: 'node',
    release: 'bench@1.0.0',
    environment: 'bench',
    user: { id: `u${index % 50}` },
    exception: { values: [{ type: 'TypeError', value: `failure ${index}`, stacktrace: { frames }, mechanism: { type: 'generic', handled: true } }] },
    contexts: { runtime: { name: 'node', version: 'v20' } },
  };
  return `{"event_id":"${eventId}"}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
}

async function measure(options: LocalSentryOptions, workspace: string): Promise<number> {
  const server = await startLocalSentry(options);
  try {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (next < EVENTS) {
          const status = await post(server.port, envelope(workspace, next++));
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
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  };
  write('src/server.js', 'function handle(request) {\n  const route = pick(request);\n  return route(request);\n}\n');
  for (let route = 0; route < 20; route++) write(`src/route${route}.js`, `function route${route}(request) {\n  throw new TypeError('failure ' + request.id);\n}\n`);
  try {
    await measure({}, workspace); // warm-up: JIT and sockets
    const baseline = await measure({}, workspace);
    const full = await measure({ storeDirectory: store, workspaceFolders: [{ name: 'bench', path: workspace }] }, workspace);
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
