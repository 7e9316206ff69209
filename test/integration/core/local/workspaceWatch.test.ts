// The local server started as `serve` starts it follows the workspace with file watchers, not a timer: a file created,
// changed or deleted after the start is seen by the next event (frames, context lines, source maps) as soon as the
// watcher has reported it, and the folder is walked once however many events come.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { startLocalSentry, type IngestChange, type LocalSentry } from '../../../../src/core/local/localSentry';
import { bodyFields } from '../../../../src/core/local/store/eventBody';
import { envelopePath, eventEnvelope, send } from './localHttp';

let workspace: string;
let server: LocalSentry;
const changes: IngestChange[] = [];

before(async () => {
  workspace = realpathSync(mkdtempSync(join(tmpdir(), 'local-watch-')));
  writeFileSync(join(workspace, 'first.ts'), 'function first() {\n  throw new Error("first");\n}\n');
  server = await startLocalSentry({ workspaceFolders: [{ name: 'ws', path: workspace }] });
  server.onDidIngest((change) => changes.push(change));
});
after(async () => {
  await server.close();
  rmSync(workspace, { recursive: true, force: true });
});

/** Does `write`, then waits (at most 10 s) until the watcher has reported something at each of `paths`. */
async function afterWatcherSees(paths: readonly string[], write: () => unknown): Promise<void> {
  const [index] = server.workspaceIndexes;
  assert.ok(index);
  const unseen = new Set(paths);
  let subscription: { dispose(): void } | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const seen = new Promise<void>((resolve, reject) => {
      subscription = index.onDidChange((event) => {
        unseen.delete(event.path);
        if (unseen.size === 0) resolve();
      });
      timer = setTimeout(
        () => reject(new Error(`the watcher did not report ${[...unseen].join(', ')} within 10 s`)),
        10_000,
      );
    });
    // The write finishes too: an event may come at its first byte.
    await Promise.all([seen, write()]);
  } finally {
    subscription?.dispose();
    clearTimeout(timer);
  }
}

function errorAt(filename: string, fn: string): Record<string, unknown> {
  return {
    platform: 'node',
    exception: {
      values: [
        {
          type: 'Error',
          value: fn,
          stacktrace: { frames: [{ filename, function: fn, lineno: 2, colno: 3, in_app: true }] },
        },
      ],
    },
  };
}

/** Sends the event; what the server announced for it. */
async function ingest(event: Record<string, unknown>): Promise<IngestChange | undefined> {
  const before = changes.length;
  assert.equal((await send(server.port, { path: envelopePath('1'), body: eventEnvelope(event) })).status, 200);
  return changes[before];
}

/** The stored source line of the announced event's frame (its `context` entry for the frame's line). */
async function contextLineOf(change: IngestChange | undefined): Promise<unknown> {
  const stored = server.store.eventsOf(change?.issueId ?? '').find((event) => event.eventId === change?.eventId);
  type Frame = { lineNo: number; context: [number, string][] };
  const body = bodyFields(stored === undefined ? '{}' : await server.store.bodyText(stored));
  const entries = body['entries'] as { type: string; data: { values: { stacktrace: { frames: Frame[] } }[] } }[];
  const frame = entries.find((entry) => entry.type === 'exception')?.data.values[0]?.stacktrace.frames[0];
  return frame?.context.find(([line]) => line === frame.lineNo)?.[1];
}

test('a file created after the start is resolved once the watcher reports it, without a new walk', async () => {
  assert.deepEqual((await ingest(errorAt('app:///first.ts', 'first')))?.raisedAt, {
    folder: workspace,
    file: 'first.ts',
    line: 2,
  });
  const second = join(workspace, 'lib', 'second.ts');
  await afterWatcherSees([join(workspace, 'lib')], () => mkdirSync(join(workspace, 'lib')));
  await afterWatcherSees([second], () =>
    writeFileSync(second, 'function second() {\n  throw new Error("second");\n}\n'),
  );
  const change = await ingest(errorAt('app:///lib/second.ts', 'second'));
  assert.deepEqual(change?.raisedAt, { folder: workspace, file: 'lib/second.ts', line: 2 });
  assert.equal(await contextLineOf(change), '  throw new Error("second");');
  assert.equal(server.workspaceIndexes[0]?.wholeWalks, 1);
});

test("a changed file's new text is in the next event's context lines", async () => {
  const first = join(workspace, 'first.ts');
  assert.equal(await contextLineOf(await ingest(errorAt('app:///first.ts', 'first'))), '  throw new Error("first");');
  await afterWatcherSees([first], () =>
    writeFileSync(first, 'function first() {\n  throw new Error("first, edited");\n}\n'),
  );
  assert.equal(
    await contextLineOf(await ingest(errorAt('app:///first.ts', 'first'))),
    '  throw new Error("first, edited");',
  );
});

test('a deleted file is no longer resolved', async () => {
  const second = join(workspace, 'lib', 'second.ts');
  await afterWatcherSees([second], () => rmSync(second));
  const change = await ingest(errorAt('app:///lib/second.ts', 'second'));
  assert.equal(change?.raisedAt, undefined);
});

test('a bundle built after the start, then rebuilt, is symbolicated through its current map; one walk in all', async () => {
  const bundle = join(workspace, 'dist', 'app.js');
  const buildWith = async (source: string): Promise<Record<string, unknown>> => {
    writeFileSync(join(workspace, 'cart.ts'), source);
    await afterWatcherSees([bundle, `${bundle}.map`], () =>
      build({
        entryPoints: [join(workspace, 'cart.ts')],
        outfile: bundle,
        bundle: true,
        minify: true,
        sourcemap: true,
        platform: 'node',
        logLevel: 'silent',
      }),
    );
    const lines = readFileSync(bundle, 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('throw'));
    const frame = { filename: 'app:///dist/app.js', lineno: line + 1, colno: (lines[line] ?? '').indexOf('throw') + 1 };
    return {
      platform: 'node',
      exception: {
        values: [{ type: 'Error', value: 'no prices', stacktrace: { frames: [{ ...frame, in_app: true }] } }],
      },
    };
  };
  const throwing = 'export function cartTotal(items: number[]): number {\n  throw new Error("no prices");\n}\n';
  await afterWatcherSees([join(workspace, 'dist')], () => mkdirSync(join(workspace, 'dist')));
  const firstBuild = await buildWith(`${throwing}cartTotal([]);\n`);
  assert.deepEqual((await ingest(firstBuild))?.raisedAt, { folder: workspace, file: 'cart.ts', line: 2 });

  const rebuilt = await buildWith(`// a comment moves the throw down\n\n${throwing}cartTotal([]);\n`);
  assert.deepEqual((await ingest(rebuilt))?.raisedAt, { folder: workspace, file: 'cart.ts', line: 4 });
  assert.equal(server.workspaceIndexes[0]?.wholeWalks, 1);
});
