// The local server sees workspace files created after it started: at once after refreshWorkspace(), which the editor
// calls on save; a script an event names that exists but was not walked yet (a fresh build) at once too; any other
// file after the snapshot's age limit.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { startLocalSentry, type IngestChange, type LocalSentry } from '../../../../src/core/local/localSentry';
import { envelopePath, eventEnvelope, send } from './localHttp';

let workspace: string;
let server: LocalSentry;
const changes: IngestChange[] = [];

before(async () => {
  workspace = realpathSync(mkdtempSync(join(tmpdir(), 'local-refresh-')));
  writeFileSync(join(workspace, 'first.js'), 'function first() {\n  throw new Error("first");\n}\n');
  server = await startLocalSentry({ workspaceFolders: [{ name: 'ws', path: workspace }] });
  server.onDidIngest((change) => changes.push(change));
});
after(async () => {
  await server.close();
  rmSync(workspace, { recursive: true, force: true });
});

function errorAt(file: string, fn: string): Record<string, unknown> {
  return {
    platform: 'node',
    exception: {
      values: [
        {
          type: 'Error',
          value: fn,
          stacktrace: {
            frames: [{ filename: join(workspace, file), function: fn, lineno: 2, colno: 3, in_app: true }],
          },
        },
      ],
    },
  };
}

test('resolves frames in a file created after the server started, once the workspace is refreshed', async () => {
  assert.equal(
    (await send(server.port, { path: envelopePath('1'), body: eventEnvelope(errorAt('first.js', 'first')) })).status,
    200,
  );
  assert.deepEqual(changes[0]?.raisedAt, { folder: workspace, file: 'first.js', line: 2 });
  writeFileSync(join(workspace, 'second.js'), 'function second() {\n  throw new Error("second");\n}\n');
  server.refreshWorkspace();
  assert.equal(
    (await send(server.port, { path: envelopePath('1'), body: eventEnvelope(errorAt('second.js', 'second')) })).status,
    200,
  );
  assert.deepEqual(changes[1]?.raisedAt, { folder: workspace, file: 'second.js', line: 2 });
});

test("a bundle built after the last walk is symbolicated from its first event, so the app's events make one issue", async () => {
  writeFileSync(
    join(workspace, 'cart.ts'),
    'export function cartTotal(items: number[]): number {\n  throw new Error("no prices");\n}\ncartTotal([]);\n',
  );
  await build({
    entryPoints: [join(workspace, 'cart.ts')],
    outfile: join(workspace, 'dist', 'app.js'),
    bundle: true,
    minify: true,
    sourcemap: true,
    platform: 'node',
    logLevel: 'silent',
  });
  const bundle = readFileSync(join(workspace, 'dist', 'app.js'), 'utf8');
  const lines = bundle.split('\n');
  const line = lines.findIndex((text) => text.includes('throw'));
  const frame = {
    filename: join(workspace, 'dist', 'app.js'),
    function: 'a',
    lineno: line + 1,
    colno: (lines[line] ?? '').indexOf('throw') + 1,
    in_app: true,
  };
  const event = {
    platform: 'node',
    exception: { values: [{ type: 'Error', value: 'no prices', stacktrace: { frames: [frame] } }] },
  };
  const before = changes.length;
  for (let run = 0; run < 2; run++)
    assert.equal((await send(server.port, { path: envelopePath('1'), body: eventEnvelope(event) })).status, 200);
  const [first, second] = changes.slice(before);
  assert.deepEqual(
    first?.raisedAt,
    { folder: workspace, file: 'cart.ts', line: 2 },
    'the first event is mapped to the source',
  );
  assert.equal(second?.issueId, first?.issueId, 'both events are one issue');
});
