// Proves the one cache of suspect commits and code owners a workspace folder keeps: a line asked again (or twice at
// once) is blamed once; answers are keyed by the commit blamed at (the release's, or HEAD's), so two names of one
// release share a blame and a release the repository lacks is HEAD's answer; and a changed file or a moved HEAD asks git
// again. git is a script here (its calls counted); HEAD and the files are real files in a temporary folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { FolderCauses } from '../../../../src/core/cause/folderCauses';
import { ok, err } from '../../../../src/core/result';
import type { RunGit } from '../../../../src/core/suspect/suspectCommit';

const file = 'src/cart.ts';
const headA = 'a'.repeat(40);
const headB = 'b'.repeat(40);
const releaseSha = 'c'.repeat(40);
/** The commit git blame names at the release, and the one it names in the file on disk. */
const blamedAtRelease = 'd'.repeat(40);
const blamedAtHead = 'e'.repeat(40);
const releaseTime = 1764547200;

function porcelain(sha: string, author: string, summary: string): string {
  return `${sha} 2 2 1\nauthor ${author}\nauthor-time ${releaseTime - 3 * 86_400}\nsummary ${summary}\n\tline\n`;
}

/** A scripted git: tags v1.4.2 and shop@1.4.2 name the release commit; blame answers by revision. */
function scriptedGit(calls: string[][]): RunGit {
  return (_cwd, args) => {
    calls.push([...args]);
    const [command] = args;
    if (command === 'log') {
      const name = args.at(-2)?.replace('^{commit}', '');
      return Promise.resolve(
        name === 'v1.4.2' || name === 'shop@1.4.2' ? ok(`${releaseSha} ${releaseTime}\n`) : err('unknown revision'),
      );
    }
    if (command === 'diff') return Promise.resolve(ok(''));
    if (command === 'blame') {
      const atRelease = args.includes(releaseSha);
      return Promise.resolve(
        ok(
          atRelease
            ? porcelain(blamedAtRelease, 'Jane Doe', 'Price from catalog')
            : porcelain(blamedAtHead, 'Sam Smith', 'Cart total'),
        ),
      );
    }
    if (command === 'merge-base') return Promise.resolve(ok(''));
    return Promise.resolve(err(`unexpected git ${command ?? ''}`));
  };
}

describe('FolderCauses: one cache per folder', () => {
  let folder: string;
  let calls: string[][];
  let causes: FolderCauses;
  const blames = (): string[][] => calls.filter((args) => args[0] === 'blame');
  const releaseLookups = (): string[][] => calls.filter((args) => args[0] === 'log');

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'folder-causes-'));
    mkdirSync(join(folder, '.git'));
    mkdirSync(join(folder, 'src'));
    writeFileSync(join(folder, '.git', 'HEAD'), `${headA}\n`);
    writeFileSync(join(folder, file), 'export function cartTotal() {\n  return 1;\n}\n');
    calls = [];
    causes = new FolderCauses(folder, scriptedGit(calls));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test('a line asked again, or twice at once, is blamed once', async () => {
    const [first, second] = await Promise.all([
      causes.suspectOf(file, 2, 'shop@1.4.2'),
      causes.suspectOf(file, 2, 'shop@1.4.2'),
    ]);
    assert.equal(first?.sha, blamedAtRelease);
    assert.deepEqual(second, first);
    assert.deepEqual(await causes.suspectOf(file, 2, 'shop@1.4.2'), first);
    assert.equal(blames().length, 1);
    // Another line of the same file is its own answer.
    await causes.suspectOf(file, 1, 'shop@1.4.2');
    assert.equal(blames().length, 2);
  });

  test("is keyed by the commit blamed at: one release's two names share a blame, a release the repository lacks is HEAD's", async () => {
    const byTag = await causes.suspectOf(file, 2, 'v1.4.2');
    const byName = await causes.suspectOf(file, 2, 'shop@1.4.2');
    assert.equal(blames().length, 1, 'both names stand for one commit');
    assert.deepEqual(byTag?.release, { sha: releaseSha, time: releaseTime * 1000, version: 'v1.4.2' });
    // The answer names the release as it was asked for, not as the cache first met it.
    assert.deepEqual(byName?.release, { sha: releaseSha, time: releaseTime * 1000, version: 'shop@1.4.2' });
    assert.equal(byName?.sha, blamedAtRelease);

    const atHead = await causes.suspectOf(file, 2);
    assert.equal(atHead?.sha, blamedAtHead);
    assert.equal(atHead?.release, undefined);
    assert.equal(blames().length, 2, 'HEAD is another commit: blamed once more, in the file on disk');
    assert.ok(!(blames()[1] ?? []).includes(releaseSha));

    const unknown = await causes.suspectOf(file, 2, 'shop@9.9.9');
    assert.deepEqual(unknown, atHead, 'a release git does not know is answered as HEAD');
    assert.equal(blames().length, 2);
    // Each release name is looked up once per HEAD.
    const lookups = releaseLookups().length;
    await causes.suspectOf(file, 2, 'shop@9.9.9');
    await causes.suspectOf(file, 2, 'v1.4.2');
    assert.equal(releaseLookups().length, lookups);
  });

  test('a changed file is blamed again', async () => {
    await causes.suspectOf(file, 2, 'shop@1.4.2');
    writeFileSync(join(folder, file), 'export function cartTotal() {\n  return 2 + 2;\n}\n');
    await causes.suspectOf(file, 2, 'shop@1.4.2');
    assert.equal(blames().length, 2);
    assert.equal(calls.filter((args) => args[0] === 'diff').length, 2, 'the release diff is taken again too');
  });

  test('a moved HEAD (a commit, a checkout) blames again and looks the release up again', async () => {
    await causes.suspectOf(file, 2);
    await causes.suspectOf(file, 2, 'shop@1.4.2');
    const [before, lookups] = [blames().length, releaseLookups().length];
    writeFileSync(join(folder, '.git', 'HEAD'), `${headB}\n`);
    await causes.suspectOf(file, 2);
    await causes.suspectOf(file, 2, 'shop@1.4.2');
    assert.equal(blames().length, before + 2);
    assert.ok(releaseLookups().length > lookups, 'a tag may have moved with HEAD');
    // Back at the first HEAD, the first answers are still there.
    writeFileSync(join(folder, '.git', 'HEAD'), `${headA}\n`);
    await causes.suspectOf(file, 2);
    assert.equal(blames().length, before + 2);
  });

  test('a file that is not there has no suspect and runs no blame', async () => {
    assert.equal(await causes.suspectOf('src/missing.ts', 1, 'shop@1.4.2'), undefined);
    assert.equal(blames().length, 0);
  });

  test("the file's code owners follow the CODEOWNERS file as it changes", async () => {
    mkdirSync(join(folder, '.github'));
    writeFileSync(join(folder, '.github', 'CODEOWNERS'), '/src/ @acme/checkout\n');
    assert.deepEqual((await causes.ownersOf(file))?.owners, ['@acme/checkout']);
    writeFileSync(join(folder, '.github', 'CODEOWNERS'), '/src/ @acme/checkout\n/src/cart.ts jane@example.com\n');
    const owners = await causes.ownersOf(file);
    assert.deepEqual(owners?.owners, ['jane@example.com']);
    assert.equal(owners?.source, '.github/CODEOWNERS');
    assert.equal(owners?.line, 2);
  });
});
