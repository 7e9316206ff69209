// Path confinement: only regular files really inside a workspace folder pass, symlinks followed; each directory's real
// path is looked up once while fresh, and looked up again after its age limit or a clear().
import assert from 'node:assert/strict';
import { lstat, realpath, stat } from 'node:fs/promises';
import { renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { PathConfinement, type ConfinementFileSystem } from '../../../../src/core/resolve/pathConfinement';
import { createTempWorkspace } from './tempWorkspace';

const workspace = createTempWorkspace('path-confinement');
after(() => workspace.remove());
const inside = (path: string): string => join(workspace.folder.path, path);

for (let directory = 0; directory < 3; directory++) {
  for (let file = 0; file < 20; file++) workspace.write(`src/d${directory}/f${file}.ts`, 'x\n');
}
workspace.write('root.ts', 'x\n');
workspace.write('big.js', 'x'.repeat(2_000));
const secret = workspace.writeOutside('secret.ts', 'secret\n');
symlinkSync(secret, inside('src/secret.ts'));
symlinkSync(inside('root.ts'), inside('src/alias.ts'));
symlinkSync(join(workspace.root, 'outside'), inside('linked'));

function counting(): { fileSystem: ConfinementFileSystem; realpaths: () => number } {
  let calls = 0;
  return {
    fileSystem: { realpath: (path) => ((calls += 1), realpath(path)), lstat, stat },
    realpaths: () => calls,
  };
}

describe('PathConfinement', () => {
  const confinement = new PathConfinement([workspace.folder], { maxFileBytes: 1_000 });

  test('passes regular files inside the folder, the folder root included, with their real path', async () => {
    assert.equal(await confinement.confine(inside('src/d0/f1.ts')), inside('src/d0/f1.ts'));
    assert.equal(await confinement.confine(inside('root.ts')), inside('root.ts'));
  });

  test('follows a symlinked file to its target, inside or out', async () => {
    assert.equal(await confinement.confine(inside('src/alias.ts')), inside('root.ts'));
    assert.equal(await confinement.confine(inside('src/secret.ts')), undefined);
  });

  test('refuses paths through a symlinked directory that leads out, outside paths, directories, missing and large files', async () => {
    assert.equal(await confinement.confine(inside('linked/secret.ts')), undefined);
    assert.equal(await confinement.confine(secret), undefined);
    assert.equal(await confinement.confine(inside('src/d0')), undefined);
    assert.equal(await confinement.confine(inside('src/d0/missing.ts')), undefined);
    assert.equal(await confinement.confine(inside('big.js')), undefined);
    assert.equal(await confinement.confine(inside('src/d0/..')), undefined);
  });

  test('looks up the real path of each directory once for many files in it', async () => {
    const fs = counting();
    const cached = new PathConfinement([workspace.folder], { maxFileBytes: 1_000, fileSystem: fs.fileSystem });
    const paths = [0, 1, 2].flatMap((directory) =>
      Array.from({ length: 20 }, (_, file) => inside(`src/d${directory}/f${file}.ts`)),
    );
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(paths.map((path) => cached.confine(path)));
      assert.deepEqual(results, paths);
    }
    // One per directory and one for the workspace folder itself.
    assert.equal(fs.realpaths(), 4);
  });

  test('notices a directory replaced by a symlink out of the workspace after the age limit, or at once after clear()', async () => {
    let now = 0;
    const aging = new PathConfinement([workspace.folder], { maxFileBytes: 1_000, maxAgeMs: 1_000, now: () => now });
    const cleared = new PathConfinement([workspace.folder], { maxFileBytes: 1_000 });
    workspace.write('swap/a.ts', 'x\n');
    workspace.writeOutside('swap/a.ts', 'secret\n');
    assert.equal(await aging.confine(inside('swap/a.ts')), inside('swap/a.ts'));
    assert.equal(await cleared.confine(inside('swap/a.ts')), inside('swap/a.ts'));
    renameSync(inside('swap'), inside('swap-old'));
    symlinkSync(join(workspace.root, 'outside/swap'), inside('swap'));
    now = 1_001;
    assert.equal(await aging.confine(inside('swap/a.ts')), undefined);
    cleared.clear();
    assert.equal(await cleared.confine(inside('swap/a.ts')), undefined);
  });
});
