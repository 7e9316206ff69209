// Benchmark: what hostile events cost the local store once trimmed. 2,000 events with 1 MB exception values and 2,000
// ordinary events go through the ingest pipeline into a persisted store; prints the store file's size, the heap the
// stored data holds, the time a restart takes to load it, and the bytes of a 100-issue list page, for both.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerWebApi } from '../src/core/local/api/webApi';
import { IngestService } from '../src/core/local/ingest/ingestService';
import { PersistedStore } from '../src/core/local/store/persistedStore';
import { STORE_FILE } from '../src/core/local/store/storeLog';
import { silentLogger } from '../src/core/log';
import { Listeners } from '../src/core/state/listeners';

const EVENTS = 2_000;

function event(index: number, hostile: boolean): Record<string, unknown> {
  const value = hostile ? `${index} `.padEnd(1_000_000, 'v') : `failure ${index}`;
  return {
    event_id: index.toString(16).padStart(32, '0'),
    platform: 'node',
    exception: {
      values: [
        {
          type: `Error${index}`,
          value,
          stacktrace: { frames: [{ filename: 'src/a.js', function: 'f', lineno: 1, in_app: true }] },
        },
      ],
    },
  };
}

async function measure(
  hostile: boolean,
): Promise<{ fileBytes: number; heapBytes: number; restartMs: number; pageBytes: number }> {
  const directory = mkdtempSync(join(tmpdir(), 'store-bounds-bench-'));
  try {
    const persisted = await PersistedStore.open({ directory, log: silentLogger });
    const ingest = new IngestService({ persisted, workspace: undefined, feed: new Listeners(), log: silentLogger });
    for (let index = 0; index < EVENTS; index++) await ingest.ingestEvent('1', event(index, hostile), '127.0.0.1');
    await persisted.close();
    const fileBytes = statSync(join(directory, STORE_FILE)).size;
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const reopened = await PersistedStore.open({ directory, log: silentLogger });
    const restartMs = performance.now() - started;
    global.gc?.();
    const heapBytes = process.memoryUsage().heapUsed - heapBefore;
    const url = new URL('http://127.0.0.1/api/0/organizations/local/issues/?project=1&limit=100&query=');
    const page = await answerWebApi({ method: 'GET', headers: {}, resume: () => undefined } as never, url, {
      persisted: reopened,
      mayChange: false,
      origin: 'http://127.0.0.1',
      now: Date.now(),
      log: silentLogger,
    });
    await reopened.close();
    return { fileBytes, heapBytes, restartMs, pageBytes: Buffer.byteLength(JSON.stringify(page.body)) };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const ordinary = await measure(false);
  const hostile = await measure(true);
  const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  console.log(`${EVENTS} events in ${EVENTS} issues (run with --expose-gc for exact heap figures)`);
  for (const [name, result] of [
    ['ordinary', ordinary],
    ['1 MB exception values', hostile],
  ] as const) {
    console.log(
      `  ${name.padEnd(22)} file ${mib(result.fileBytes)}, heap ${mib(result.heapBytes)}, restart ${result.restartMs.toFixed(0)} ms, list page ${(result.pageBytes / 1024).toFixed(0)} KiB`,
    );
  }
  console.log(
    `  ratio hostile/ordinary: file ${(hostile.fileBytes / ordinary.fileBytes).toFixed(2)}x, restart ${(hostile.restartMs / ordinary.restartMs).toFixed(2)}x`,
  );
}

void main();
