// Proves which folder `scan`, `compare` and `serve` read: a `--workspace` that is missing, a file or empty is refused;
// without it, the project root is found upwards from the current folder as sentry-cli finds its `.sentryclirc`.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { findProjectRoot, workspaceFolder } from '../../../src/cli/workspaceFolder';

const root = mkdtempSync(join(tmpdir(), 'sentry-insight-root-'));
after(() => rmSync(root, { recursive: true, force: true }));

let count = 0;
/** A fresh folder tree under the temp root: paths ending in `/` are folders, others files. */
function tree(paths: readonly string[]): string {
  count += 1;
  const base = join(root, `t${count}`);
  mkdirSync(base);
  for (const path of paths) {
    if (path.endsWith('/')) mkdirSync(join(base, path), { recursive: true });
    else {
      mkdirSync(join(base, path, '..'), { recursive: true });
      writeFileSync(join(base, path), 'x');
    }
  }
  return base;
}

describe('--workspace', () => {
  test('a folder with files is used as given, relative to the current folder', async () => {
    const base = tree(['app/src/cart.ts']);
    assert.deepEqual(await workspaceFolder('app', base, undefined), { ok: true, value: join(base, 'app') });
  });

  test('a missing folder, a file and an empty folder are each refused with a sentence naming the path', async () => {
    const base = tree(['file.txt', 'empty/']);
    for (const [raw, reason] of [
      ['missing', /does not exist/],
      ['file.txt', /is a file, not a folder/],
      ['empty', /is an empty folder/],
    ] as const) {
      const found = await workspaceFolder(raw, base, undefined);
      assert.equal(found.ok, false, raw);
      if (!found.ok) {
        assert.match(found.error, reason);
        assert.ok(found.error.includes(join(base, raw)), found.error);
      }
    }
  });
});

describe('the project root, without --workspace', () => {
  test('is the nearest folder above holding a marker', async () => {
    const base = tree(['repo/.git/', 'repo/src/deep/file.ts']);
    assert.equal(await findProjectRoot(join(base, 'repo/src/deep'), undefined), join(base, 'repo'));
  });

  test('prefers the strongest marker: a .sentryclirc at the top beats a package.json nearer', async () => {
    const base = tree(['repo/.sentryclirc', 'repo/packages/web/package.json', 'repo/packages/web/src/a.ts']);
    assert.equal(await findProjectRoot(join(base, 'repo/packages/web/src'), undefined), join(base, 'repo'));
  });

  test('sentry.properties beats package.json, package.json beats .git', async () => {
    const props = tree(['repo/sentry.properties', 'repo/app/package.json', 'repo/app/src/']);
    assert.equal(await findProjectRoot(join(props, 'repo/app/src'), undefined), join(props, 'repo'));
    const pkg = tree(['repo/.git/', 'repo/app/package.json', 'repo/app/src/']);
    assert.equal(await findProjectRoot(join(pkg, 'repo/app/src'), undefined), join(pkg, 'repo/app'));
  });

  test('is never the home folder, whose .sentryclirc is the global configuration', async () => {
    const base = tree(['home/.sentryclirc', 'home/.git/', 'home/scratch/notes.txt']);
    assert.equal(await findProjectRoot(join(base, 'home/scratch'), join(base, 'home')), join(base, 'home/scratch'));
  });

  test('falls back to the current folder; an empty one is refused', async () => {
    const base = tree(['loose/a.txt', 'void/']);
    assert.deepEqual(await workspaceFolder(undefined, join(base, 'loose'), undefined), {
      ok: true,
      value: join(base, 'loose'),
    });
    const empty = await workspaceFolder(undefined, join(base, 'void'), undefined);
    assert.equal(empty.ok, false);
  });
});
