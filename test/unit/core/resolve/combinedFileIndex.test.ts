// Per-folder indexes looked up together answer as one index of all the folders would.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CombinedFileIndex } from '../../../../src/core/resolve/combinedFileIndex';
import type { WorkspaceFolder } from '../../../../src/core/resolve/frame';
import { WorkspaceFileIndex } from '../../../../src/core/resolve/workspaceFileIndex';

const web: WorkspaceFolder = { name: 'web', path: '/ws/web' };
const api: WorkspaceFolder = { name: 'api', path: '/ws/api' };
const files: Record<string, string[]> = {
  [web.path]: ['src/cart.ts', 'dist/app.js', 'dist/app.js.map', 'lib/util.ts', 'build/only.js'],
  [api.path]: ['src/cart.ts', 'server/src/orders.ts', 'src/app.js', 'deep/lib/util.ts', 'z.js.map', 'only.js'],
};
const entries = (folder: WorkspaceFolder) => (files[folder.path] ?? []).map((path) => ({ folder, path }));
const one = WorkspaceFileIndex.fromPaths([web, api], [...entries(web), ...entries(api)]);
const combined = new CombinedFileIndex(
  [web, api],
  [WorkspaceFileIndex.fromPaths([web], entries(web)), WorkspaceFileIndex.fromPaths([api], entries(api))],
);

test('finds what one index of both folders finds, the earlier folder winning a tie', () => {
  const queries = [
    'app:///src/cart.ts',
    '/app/server/src/orders.ts',
    'app.js',
    'dist/app.js',
    'webpack:///lib/util.ts',
    'deep/lib/util.ts',
    'only.js',
    'missing.ts',
  ];
  for (const query of queries)
    for (const options of [{}, { originalSourcesOnly: true }, { wholeSuffix: true }]) {
      const expected = one.find(query, options);
      const found = combined.find(query, options);
      assert.deepEqual([found?.folder.name, found?.path], [expected?.folder.name, expected?.path], query);
    }
  assert.equal(combined.find('src/cart.ts')?.folder, web);
});

test('lists map files in folder order', () => {
  assert.deepEqual(
    combined.filesEndingWith('.map').map((file) => `${file.folder.name}/${file.path}`),
    ['web/dist/app.js.map', 'api/z.js.map'],
  );
});
