// serve's own watcher reports what appears, changes and goes away in the folder, new directories included, never what
// happens in the directories the index skips, and watches at most the directories it is allowed.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { silentLogger } from '../../../../src/core/log';
import { watchFolder, type FolderWatchOptions } from '../../../../src/core/resolve/folderWatch';
import type { FileEvent, FileEventSink } from '../../../../src/core/resolve/watchedFileIndex';
import { writeWorkspace } from '../../../support/workspaceDir';

const roots: string[] = [];
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** Collects events, and waits (at most 10 s) for one that passes a test. */
class EventLog implements FileEventSink {
  readonly events: FileEvent[] = [];
  private waiting: { test: (event: FileEvent) => boolean; resolve: () => void }[] = [];

  created = (path: string): void => this.add({ kind: 'created', path });
  changed = (path: string): void => this.add({ kind: 'changed', path });
  deleted = (path: string): void => this.add({ kind: 'deleted', path });

  async until(kind: FileEvent['kind'], path: string): Promise<void> {
    const test = (event: FileEvent): boolean => event.kind === kind && event.path === path;
    if (this.events.some(test)) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.waiting.push({ test, resolve })),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no ${kind} event for ${path} within 10 s`)), 10_000);
      }),
    ]).finally(() => clearTimeout(timer));
  }

  private add(event: FileEvent): void {
    this.events.push(event);
    for (const waiter of this.waiting.filter((candidate) => candidate.test(event))) waiter.resolve();
  }
}

async function followed(mode: FolderWatchOptions['mode']): Promise<void> {
  const root = writeWorkspace({ 'src/cart.ts': 'a', 'node_modules/pkg/index.js': 'b' }, 'folder-watch-');
  roots.push(root);
  const log = new EventLog();
  const watch = watchFolder(root, log, { log: silentLogger, mode });
  try {
    await watch.ready;
    writeFileSync(join(root, 'src/cart.ts'), 'changed');
    await log.until('changed', join(root, 'src/cart.ts'));
    mkdirSync(join(root, 'lib'));
    await log.until('created', join(root, 'lib'));
    // A file in the directory that just appeared: watched too.
    writeFileSync(join(root, 'lib/tax.ts'), 'c');
    await log.until('created', join(root, 'lib/tax.ts'));
    rmSync(join(root, 'src/cart.ts'));
    await log.until('deleted', join(root, 'src/cart.ts'));
    writeFileSync(join(root, 'node_modules/pkg/index.js'), 'changed');
    writeFileSync(join(root, 'node_modules/pkg/new.js'), 'd');
    // An event after the skipped ones: when it is in, they would be too.
    writeFileSync(join(root, 'last.ts'), 'e');
    await log.until('created', join(root, 'last.ts'));
    assert.deepEqual(
      log.events.filter((event) => event.path.includes('node_modules')),
      [],
    );
  } finally {
    watch.dispose();
  }
}

test('one watcher per directory (Linux): follows files and new directories, never node_modules', () =>
  followed('perDirectory'));

test('the recursive watcher, where the platform has it: the same events', () => followed('recursive'));

test('watches at most maxDirectories directories', async () => {
  const root = writeWorkspace({ 'a/x.ts': '', 'b/x.ts': '', 'c/x.ts': '', 'd/e/x.ts': '' }, 'folder-watch-bound-');
  roots.push(root);
  const watch = watchFolder(root, new EventLog(), { log: silentLogger, mode: 'perDirectory', maxDirectories: 3 });
  await watch.ready;
  assert.equal(watch.watchedDirectories, 3);
  watch.dispose();
  assert.equal(watch.watchedDirectories, 0);
});
