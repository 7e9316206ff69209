// The folder's file index is walked once and then follows the watcher's events: new files and directories are found,
// deleted ones are not, paths through skipped directories and outside the folder stay out.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { silentLogger } from '../../../../src/core/log';
import { WatchedFileIndex } from '../../../../src/core/resolve/watchedFileIndex';
import { writeWorkspace } from '../../../support/workspaceDir';

const root = writeWorkspace({ 'src/cart.ts': 'x', 'src/old.ts': 'y' }, 'watched-index-');
after(() => rmSync(root, { recursive: true, force: true }));

test('follows created and deleted files and directories without walking the folder again', async () => {
  const watched = new WatchedFileIndex({ name: 'ws', path: root }, silentLogger);
  assert.equal((await watched.index()).find('app:///src/cart.ts')?.path, 'src/cart.ts');

  writeFileSync(join(root, 'src/checkout.ts'), 'z');
  watched.created(join(root, 'src/checkout.ts'));
  mkdirSync(join(root, 'lib/deep'), { recursive: true });
  writeFileSync(join(root, 'lib/deep/tax.ts'), 'z');
  watched.created(join(root, 'lib'));
  rmSync(join(root, 'src/old.ts'));
  watched.deleted(join(root, 'src/old.ts'));
  mkdirSync(join(root, 'node_modules/pkg'), { recursive: true });
  writeFileSync(join(root, 'node_modules/pkg/index.ts'), 'z');
  watched.created(join(root, 'node_modules/pkg/index.ts'));
  watched.created(join(root, 'node_modules'));
  watched.created(join(root, '..', 'outside.ts'));

  const index = await watched.index();
  assert.equal(index.find('webpack:///src/checkout.ts')?.path, 'src/checkout.ts');
  assert.equal(index.find('/app/lib/deep/tax.ts')?.path, 'lib/deep/tax.ts');
  assert.equal(index.find('src/old.ts'), undefined);
  assert.equal(index.find('node_modules/pkg/index.ts'), undefined);
  assert.equal(index.size, 3);

  rmSync(join(root, 'lib'), { recursive: true });
  watched.deleted(join(root, 'lib'));
  assert.equal((await watched.index()).find('lib/deep/tax.ts'), undefined);
  assert.equal(watched.wholeWalks, 1);
});

test('a symlinked directory made later is not entered, as the first walk would not; skipped directories tell nobody', async () => {
  const outside = writeWorkspace({ 'a.ts': 'x', 'b.ts': 'y' }, 'watched-outside-');
  after(() => rmSync(outside, { recursive: true, force: true }));
  const watched = new WatchedFileIndex({ name: 'ws', path: root }, silentLogger);
  await watched.index();
  const told: string[] = [];
  watched.onDidChange((event) => told.push(event.path));
  symlinkSync(outside, join(root, 'linked'), 'dir');
  watched.created(join(root, 'linked'));
  symlinkSync(join(outside, 'a.ts'), join(root, 'src/a-link.ts'));
  watched.created(join(root, 'src/a-link.ts'));
  watched.created(join(root, '.git/refs/heads/main'));
  watched.deleted(join(root, 'node_modules/pkg'));

  const index = await watched.index();
  assert.equal(index.find('linked/b.ts'), undefined, 'not entered');
  assert.equal(index.find('src/a-link.ts')?.path, 'src/a-link.ts', 'a symlinked file is listed, as by the walk');
  assert.deepEqual(told, [join(root, 'linked'), join(root, 'src/a-link.ts')]);
});
