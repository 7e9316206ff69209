// The workspace file index: suffix matching, tie rules, build output, and the walk over a real directory tree.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { WorkspaceFolder } from '../../../../src/core/resolve/frame';
import { WorkspaceFileIndex } from '../../../../src/core/resolve/workspaceFileIndex';

const app: WorkspaceFolder = { name: 'app', path: '/ws/app' };
const lib: WorkspaceFolder = { name: 'lib', path: '/ws/lib' };

function indexOf(paths: readonly string[], folders: readonly WorkspaceFolder[] = [app]): WorkspaceFileIndex {
  const folder = folders[0] ?? app;
  return WorkspaceFileIndex.fromPaths(
    folders,
    paths.map((path) => ({ folder, path })),
  );
}

function found(
  index: WorkspaceFileIndex,
  framePath: string,
  options?: { originalSourcesOnly?: boolean },
): string | undefined {
  const file = index.find(framePath, options);
  return file === undefined ? undefined : `${file.folder.name}:${file.path}`;
}

describe('WorkspaceFileIndex.find', () => {
  test('finds a frame path that is a suffix of a workspace path (src/cart.ts in web/src/cart.ts)', () => {
    assert.equal(found(indexOf(['web/src/cart.ts', 'web/src/other.ts']), 'src/cart.ts'), 'app:web/src/cart.ts');
  });

  test('finds a workspace path that is a suffix of an absolute frame path (Python absPath /code/errors/views.py)', () => {
    assert.equal(
      found(indexOf(['errors/views.py', 'errors/models.py']), 'code/errors/views.py'),
      'app:errors/views.py',
    );
  });

  test('accepts two shared trailing segments under different roots', () => {
    assert.equal(found(indexOf(['web/src/cart.ts']), 'usr/src/app/src/cart.ts'), 'app:web/src/cart.ts');
  });

  test('rejects a file that only shares its name under another directory', () => {
    assert.equal(found(indexOf(['other/views.py']), 'errors/views.py'), undefined);
  });

  test('prefers the longest suffix match', () => {
    const index = indexOf(['a/src/cart.ts', 'b/web/src/cart.ts', 'cart.ts']);
    assert.equal(found(index, 'app/web/src/cart.ts'), 'app:b/web/src/cart.ts');
  });

  test('on equal matches prefers fewer unnamed directories, then a src directory, then path order', () => {
    assert.equal(found(indexOf(['deep/nested/x/util.ts', 'lib/util.ts']), 'util.ts'), 'app:lib/util.ts');
    assert.equal(found(indexOf(['lib/util.ts', 'src/util.ts']), 'util.ts'), 'app:src/util.ts');
    assert.equal(found(indexOf(['b/util.ts', 'a/util.ts']), 'util.ts'), 'app:a/util.ts');
  });

  test('on equal matches in two folders prefers the first folder', () => {
    const index = WorkspaceFileIndex.fromPaths(
      [app, lib],
      [
        { folder: lib, path: 'src/x.ts' },
        { folder: app, path: 'src/x.ts' },
      ],
    );
    assert.equal(found(index, 'src/x.ts'), 'app:src/x.ts');
  });

  test('gives the same answer whatever order the files were indexed in', () => {
    const paths = ['z/src/util.ts', 'a/src/util.ts', 'src/util.ts', 'dist/src/util.ts', 'lib/util.ts', 'x/y/util.ts'];
    const expected = found(indexOf(paths), 'util.ts');
    assert.equal(expected, 'app:src/util.ts');
    for (const order of [
      [...paths].reverse(),
      [...paths].sort(),
      [paths[3], paths[0], paths[5], paths[1], paths[4], paths[2]],
    ]) {
      assert.equal(found(indexOf(order.filter((path): path is string => path !== undefined)), 'util.ts'), expected);
    }
  });

  test('does not let build output win a match meant for an original source', () => {
    const index = indexOf(['dist/index.js', 'src/index.js']);
    assert.equal(found(index, 'index.js'), 'app:src/index.js');
  });

  test('finds build output when the frame names its build directory', () => {
    const index = indexOf(['web/dist/bundle.js', 'web/src/bundle.js']);
    assert.equal(found(index, 'dist/bundle.js'), 'app:web/dist/bundle.js');
  });

  test('falls back to build output when no original source matches (the bundled worker index.js)', () => {
    const index = indexOf(['dist/index.js', 'src/index.ts']);
    assert.equal(found(index, 'index.js'), 'app:dist/index.js');
    assert.equal(found(index, 'index.js', { originalSourcesOnly: true }), undefined);
  });

  test('normalises the frame path it is given', () => {
    assert.equal(
      found(indexOf(['src/index.ts']), 'webpack://small-js-error-factory/./src/index.ts'),
      'app:src/index.ts',
    );
    assert.equal(found(indexOf(['src/index.ts']), '<anonymous>'), undefined);
  });

  test('with wholeSuffix, as for mapped paths, two shared segments under other directories are not enough', () => {
    const index = indexOf(['backend/errors/views.py']);
    assert.equal(found(index, 'missing/errors/views.py'), 'app:backend/errors/views.py');
    assert.equal(index.find('missing/errors/views.py', { wholeSuffix: true }), undefined);
    assert.equal(index.find('errors/views.py', { wholeSuffix: true })?.path, 'backend/errors/views.py');
    assert.equal(index.find('repo/backend/errors/views.py', { wholeSuffix: true })?.path, 'backend/errors/views.py');
  });

  test('ignores paths that are absolute or climb out of the folder', () => {
    const index = indexOf(['../outside.ts', '/etc/passwd', 'a/../b.ts', 'ok.ts']);
    assert.equal(index.size, 1);
    assert.equal(found(index, 'etc/passwd'), undefined);
  });
});

describe('WorkspaceFileIndex.build', () => {
  const root = mkdtempSync(join(tmpdir(), 'resolve-index-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  function write(path: string): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
  }

  const workspace = join(root, 'ws');
  const outside = join(root, 'outside');
  for (const path of [
    'ws/src/a.ts',
    'ws/dist/a.js',
    'ws/node_modules/p/index.js',
    'ws/.git/HEAD',
    'ws/web/src/deep/b.ts',
    'outside/secret.ts',
  ])
    write(path);
  symlinkSync(outside, join(workspace, 'linked'), 'dir');
  symlinkSync(join(outside, 'secret.ts'), join(workspace, 'src', 'secret-link.ts'), 'file');
  const folder: WorkspaceFolder = { name: 'ws', path: workspace };

  test('indexes sources and build output, but not dependencies, VCS data or symlinked directories', async () => {
    const index = await WorkspaceFileIndex.build([folder]);
    const paths = [
      'src/a.ts',
      'dist/a.js',
      'web/src/deep/b.ts',
      'node_modules/p/index.js',
      '.git/HEAD',
      'linked/secret.ts',
    ];
    assert.deepEqual(
      paths.map((path) => index.get(folder, path) !== undefined),
      [true, true, true, false, false, false],
    );
    assert.equal(index.truncated, false);
  });

  test('stops at the file budget, keeping shallow files first, and says so', async () => {
    const index = await WorkspaceFileIndex.build([folder], { maxFiles: 2 });
    assert.equal(index.size, 2);
    assert.equal(index.truncated, true);
    assert.equal(index.get(folder, 'web/src/deep/b.ts'), undefined);
  });
});

describe('WorkspaceFileIndex.removePath', () => {
  test('removes a file by its path, and a directory with every file under it, nothing else', () => {
    const index = indexOf(['src/a/cart.ts', 'src/a/b/cart.ts', 'src/ab/cart.ts', 'src/other.ts']);
    assert.equal(index.removePath(app, 'src/other.ts'), 1);
    assert.equal(found(index, 'other.ts'), undefined);
    assert.equal(index.removePath(app, 'src/a'), 2);
    assert.equal(found(index, 'cart.ts'), 'app:src/ab/cart.ts', 'src/ab is not under src/a');
    assert.equal(index.removePath(app, 'src/missing'), 0);
  });
});
