// The editor's folders change while its local Sentry runs: events from then on resolve against the new folders, so a
// folder that left is no longer read and one that came is (the server is given the window's indexes again).
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startLocalSentry, type IngestChange } from '../../../../src/core/local/localSentry';
import { WatchedFileIndex } from '../../../../src/core/resolve/watchedFileIndex';
import { silentLogger } from '../../../../src/core/log';
import { envelopePath, eventEnvelope, send } from './localHttp';

const folders = ['left', 'came'].map((name) => {
  const path = realpathSync(mkdtempSync(join(tmpdir(), `local-folder-${name}-`)));
  writeFileSync(join(path, `${name}.ts`), `function ${name}() {\n  throw new Error("${name}");\n}\n`);
  return { name, path };
});
after(() => folders.forEach((folder) => rmSync(folder.path, { recursive: true, force: true })));

const thrownIn = (file: string): Record<string, unknown> => ({
  platform: 'node',
  exception: {
    values: [
      { type: 'Error', value: file, stacktrace: { frames: [{ filename: `app:///${file}`, lineno: 2, in_app: true }] } },
    ],
  },
});

test('after the folders change, events resolve against the new ones only', async () => {
  const [left, came] = folders.map((folder) => new WatchedFileIndex(folder, silentLogger));
  assert.ok(left && came);
  const server = await startLocalSentry({ workspaceIndexes: [left] });
  const changes: IngestChange[] = [];
  server.onDidIngest((change) => changes.push(change));
  const raisedAt = async (file: string) => {
    const before = changes.length;
    const answer = await send(server.port, { path: envelopePath('1'), body: eventEnvelope(thrownIn(file)) });
    assert.equal(answer.status, 200, answer.text);
    return changes[before]?.raisedAt?.file;
  };
  try {
    assert.equal(await raisedAt('left.ts'), 'left.ts');
    assert.equal(await raisedAt('came.ts'), undefined);
    server.useWorkspaceIndexes([came]);
    assert.deepEqual(server.workspaceIndexes, [came]);
    assert.equal(await raisedAt('came.ts'), 'came.ts');
    assert.equal(await raisedAt('left.ts'), undefined, 'the folder that left is not read');
  } finally {
    await server.close();
  }
});
