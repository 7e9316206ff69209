// Proves CODEOWNERS matching on the cases GitHub's "About code owners" page documents (its example file, each comment's
// claim a test), the syntax GitHub says does not work, and where the file is looked for.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CodeOwners } from '../../../../src/core/owners/codeOwners';
import { ownersOfPath, parseCodeowners } from '../../../../src/core/owners/codeownersFile';
import { writeWorkspace } from '../../../support/workspaceDir';

function ownersOf(file: string, path: string): readonly string[] | undefined {
  return ownersOfPath(parseCodeowners(file), path)?.owners;
}

describe("GitHub's documented CODEOWNERS cases", () => {
  test('* owns every file, wherever it is', () => {
    assert.deepEqual(ownersOf('*       @global-owner1 @global-owner2', 'src/deep/cart.ts'), [
      '@global-owner1',
      '@global-owner2',
    ]);
    assert.deepEqual(ownersOf('*       @global-owner1 @global-owner2', 'README.md'), [
      '@global-owner1',
      '@global-owner2',
    ]);
  });

  test('the last matching line wins, and an inline comment is not an owner', () => {
    const file = ['*       @global-owner1', '*.js    @js-owner #This is an inline comment.'].join('\n');
    assert.deepEqual(ownersOf(file, 'web/app.js'), ['@js-owner']);
    assert.deepEqual(ownersOf(file, 'web/app.ts'), ['@global-owner1']);
  });

  test('owners may be e-mail addresses and teams', () => {
    assert.deepEqual(ownersOf('*.go docs@example.com', 'cmd/main.go'), ['docs@example.com']);
    assert.deepEqual(ownersOf('*.txt @octo-org/octocats', 'a/b/notes.txt'), ['@octo-org/octocats']);
  });

  test('/build/logs/ owns the root build/logs directory and its subdirectories, nowhere else', () => {
    const file = '/build/logs/ @doctocat';
    assert.deepEqual(ownersOf(file, 'build/logs/today.log'), ['@doctocat']);
    assert.deepEqual(ownersOf(file, 'build/logs/old/2020.log'), ['@doctocat']);
    assert.equal(ownersOf(file, 'app/build/logs/today.log'), undefined);
    assert.equal(ownersOf(file, 'build/logs'), undefined);
  });

  test('docs/* matches docs/getting-started.md but not docs/build-app/troubleshooting.md', () => {
    const file = 'docs/*  docs@example.com';
    assert.deepEqual(ownersOf(file, 'docs/getting-started.md'), ['docs@example.com']);
    assert.equal(ownersOf(file, 'docs/build-app/troubleshooting.md'), undefined);
  });

  test('apps/ owns any file in an apps directory anywhere in the repository', () => {
    const file = 'apps/ @octocat';
    assert.deepEqual(ownersOf(file, 'apps/web/index.ts'), ['@octocat']);
    assert.deepEqual(ownersOf(file, 'services/apps/job.py'), ['@octocat']);
    assert.equal(ownersOf(file, 'apps.ts'), undefined);
  });

  test('/docs/ owns the root docs directory and its subdirectories', () => {
    assert.deepEqual(ownersOf('/docs/ @doctocat', 'docs/guide/intro.md'), ['@doctocat']);
    assert.equal(ownersOf('/docs/ @doctocat', 'site/docs/intro.md'), undefined);
  });

  test('**/logs owns files in a logs directory at any depth', () => {
    const file = '**/logs @octocat';
    for (const path of ['build/logs/a.log', 'scripts/logs/b.log', 'deeply/nested/logs/c.log', 'logs/d.log'])
      assert.deepEqual(ownersOf(file, path), ['@octocat'], path);
    assert.equal(ownersOf(file, 'build/catalogs/a.log'), undefined);
  });

  test('a later rule without owners leaves /apps/github unowned, and one with owners takes it', () => {
    assert.deepEqual(ownersOf('/apps/ @octocat\n/apps/github', 'apps/github/x.ts'), []);
    assert.deepEqual(ownersOf('/apps/ @octocat\n/apps/github', 'apps/web/x.ts'), ['@octocat']);
    assert.deepEqual(ownersOf('/apps/ @octocat\n/apps/github @doctocat', 'apps/github/x.ts'), ['@doctocat']);
  });

  test('a middle ** spans zero or more directories', () => {
    const file = 'src/**/cart.ts @shop';
    assert.deepEqual(ownersOf(file, 'src/cart.ts'), ['@shop']);
    assert.deepEqual(ownersOf(file, 'src/a/b/cart.ts'), ['@shop']);
    assert.equal(ownersOf(file, 'lib/src/cart.ts'), undefined);
  });

  test('* and ? stay within one path segment of an anchored pattern', () => {
    assert.deepEqual(ownersOf('/src/*.ts @ts', 'src/cart.ts'), ['@ts']);
    assert.equal(ownersOf('/src/*.ts @ts', 'src/deep/cart.ts'), undefined);
    assert.deepEqual(ownersOf('/src/car?.ts @ts', 'src/cart.ts'), ['@ts']);
    assert.equal(ownersOf('/src/car?.ts @ts', 'src/carts.ts'), undefined);
  });

  test('the rule that decided is named by its line', () => {
    const owners = ownersOfPath(parseCodeowners('# owners\n\n*.ts @ts\n/src/ @src'), 'src/cart.ts');
    assert.deepEqual(owners, { owners: ['@src'], line: 4, pattern: '/src/' });
  });
});

describe('syntax GitHub documents as not working in CODEOWNERS', () => {
  test('a ! negation is not a rule', () => {
    assert.deepEqual(ownersOf('* @all\n!*.md @nobody', 'README.md'), ['@all']);
  });

  test('a [ ] character range is not a rule', () => {
    assert.deepEqual(ownersOf('* @all\n*.[ch] @c', 'main.c'), ['@all']);
  });

  test('a \\# at the start of a line does not escape the # (the line is not a rule), and a # line is a comment', () => {
    assert.deepEqual(ownersOf('* @all\n\\#file @hash\n#file @comment', '#file'), ['@all']);
  });

  test('an escaped space stays in the pattern', () => {
    assert.deepEqual(ownersOf('my\\ docs/ @docs', 'my docs/a.md'), ['@docs']);
  });
});

describe('where the CODEOWNERS file is', () => {
  test('.github/ comes before the root, the root before docs/, and only the first found is read', async (t) => {
    // The workspace folder is app/ inside the repository: patterns are relative to the folder holding .git.
    const root = writeWorkspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'docs/CODEOWNERS': '* @from-docs\n',
      'app/src/cart.ts': '',
    });
    t.after(() => rmSync(root, { recursive: true, force: true }));
    const owners = new CodeOwners();
    assert.equal((await owners.of(join(root, 'app'), 'src/cart.ts'))?.source, 'docs/CODEOWNERS');
    writeFileSync(join(root, 'CODEOWNERS'), '/app/src/ @from-root\n');
    assert.deepEqual(await owners.of(join(root, 'app'), 'src/cart.ts'), {
      owners: ['@from-root'],
      line: 1,
      pattern: '/app/src/',
      source: 'CODEOWNERS',
    });
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, '.github', 'CODEOWNERS'), '*.md @from-github\n');
    assert.equal(await owners.of(join(root, 'app'), 'src/cart.ts'), undefined);
  });
});
