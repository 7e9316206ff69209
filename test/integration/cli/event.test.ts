// Drives the built `sentry-insight event` (dist/cli.js) against the fake Sentry and a workspace the test makes a real
// git repository (the release tagged, the raising line rewritten after it, a CODEOWNERS file): the latest event's stack
// on workspace lines, scrubbed variables, the suspect commit at the release and the owners, in JSON and in text; the
// same facts on `scan --json` annotations; bad input ends with one line and exit 2.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { EventJson } from '../../../src/cli/eventOutput';
import type { ScanJson } from '../../../src/cli/scanOutput';
import {
  DEFAULT_TOKEN,
  defaultScenario,
  lineOf,
  scenario,
  scenarioSources,
  startFakeSentry,
  type FakeSentry,
} from '../../support/fakeSentry';
import { makeWorkspace, runCli } from './cliRun';

const { org, releases } = scenario;
const web = scenario.projects.web.slug;
const token = { SENTRY_AUTH_TOKEN: DEFAULT_TOKEN };
const day = 86_400;
const start = Date.UTC(2025, 4, 20) / 1000;

describe('sentry-insight event', () => {
  let fake: FakeSentry;
  let workspace: string;
  const shas: Record<string, string> = {};
  const raisingLine = lineOf('src/cart.ts', 'line.item.price');

  function git(args: string[], author = 'Jane Doe', time = start): string {
    const date = `${String(time)} +0000`;
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: 'dev@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: 'dev@example.com',
      GIT_COMMITTER_DATE: date,
    };
    return execFileSync(
      'git',
      ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args],
      { cwd: workspace, env, encoding: 'utf8' },
    ).trim();
  }

  function commitAll(name: string, message: string, author: string, time: number): void {
    git(['add', '-A']);
    git(['commit', '-q', '-m', message], author, time);
    shas[name] = git(['rev-parse', 'HEAD']);
  }

  function eventArgs(...extra: string[]): string[] {
    return [
      'event',
      ...extra,
      '--url',
      fake.url,
      '--org',
      org,
      '--project',
      web,
      '--workspace',
      workspace,
      '--release',
      releases.v120,
    ];
  }

  before(async () => {
    fake = await startFakeSentry({ data: defaultScenario() });
    workspace = makeWorkspace();
    git(['init', '-q']);
    commitAll('sources', 'Cart and checkout', 'Sam Smith', start);
    mkdirSync(join(workspace, '.github'));
    writeFileSync(
      join(workspace, '.github', 'CODEOWNERS'),
      '* @acme/platform\n/src/cart.ts @acme/web jane@example.com\n',
    );
    commitAll('owners', 'Code owners', 'Sam Smith', start + day);
    // shop@1.2.0+45 is tagged v1.2.0 (its semver with a v), as release tags often are.
    git(['tag', 'v1.2.0']);
    // After the release the raising line is rewritten: its suspect is still the commit the release ran.
    const cart = scenarioSources['src/cart.ts'] as string;
    writeFileSync(join(workspace, 'src', 'cart.ts'), cart.replace('line.item.price', 'line.item?.price'));
    commitAll('fix', 'Skip lines without an item', 'Ann Lee', start + 3 * day);
  });

  after(async () => {
    await fake.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  async function cartShortId(): Promise<string> {
    const run = await runCli(
      [
        'scan',
        '--url',
        fake.url,
        '--org',
        org,
        '--project',
        web,
        '--workspace',
        workspace,
        '--release',
        releases.v120,
        '--json',
      ],
      token,
    );
    assert.equal(run.code, 0, run.stderr);
    const shortId = (JSON.parse(run.stdout) as ScanJson).issues.find((issue) => issue.id === '1001')?.shortId;
    assert.ok(shortId);
    return shortId;
  }

  test('--json: the stack on workspace lines, scrubbed variables, the suspect commit at the release and the owners', async () => {
    const run = await runCli(eventArgs((await cartShortId()).toLowerCase(), '--json'), token);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as EventJson;
    assert.equal(result.issue.id, '1001');
    assert.equal(result.event?.release, releases.v120);
    const thrown = result.exceptions[0];
    assert.equal(thrown?.type, 'TypeError');
    assert.equal(thrown?.frames[0]?.function, 'Array.reduce');
    assert.deepEqual(result.raisingLine, { file: 'src/cart.ts', line: raisingLine });
    assert.equal(thrown?.frames[0]?.workspace?.file, 'src/cart.ts');
    const cartTotal = thrown?.frames.find((frame) => frame.function === 'cartTotal');
    assert.ok(cartTotal?.variables.some((row) => row.name === 'lines' && row.depth === 0));
    const secret = cartTotal?.variables.find((row) => row.name === 'sessionToken');
    assert.ok(secret, 'the secret-named variable is listed');
    assert.ok(!run.stdout.includes('tok_live_4242'), 'its value is scrubbed');
    // The fix came after v1.2.0 (the code owners commit): the release's line was the first commit's.
    assert.deepEqual(result.suspectCommit, {
      sha: shas['sources'],
      author: 'Sam Smith',
      date: new Date(start * 1000).toISOString(),
      summary: 'Cart and checkout',
    });
    assert.deepEqual(result.owners, {
      owners: ['@acme/web', 'jane@example.com'],
      source: '.github/CODEOWNERS',
      line: 2,
    });
  });

  test('text: the grounded stack with the suspect commit, then the code owners', async () => {
    const run = await runCli(eventArgs('1001'), token);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`workspace file src/cart\\.ts:${raisingLine}`));
    assert.match(
      run.stdout,
      /Suspect commit: this line was last changed in \w{7} by Sam Smith, 1 day before shop@1\.2\.0\+45: 'Cart and checkout'; rewritten since in \w{7} by Ann Lee/,
    );
    assert.match(
      run.stdout,
      /^Code owners of src\/cart\.ts: @acme\/web, jane@example\.com \(\.github\/CODEOWNERS line 2\)$/m,
    );
    assert.ok(!run.stdout.includes('tok_live_4242'));
  });

  test("scan --json gains each annotation's suspect commit and owners", async () => {
    const run = await runCli(
      [
        'scan',
        '--url',
        fake.url,
        '--org',
        org,
        '--project',
        web,
        '--workspace',
        workspace,
        '--release',
        releases.v120,
        '--json',
      ],
      token,
    );
    assert.equal(run.code, 0, run.stderr);
    const raised = (JSON.parse(run.stdout) as ScanJson).annotations.find(
      (annotation) => annotation.issueId === '1001' && annotation.role === 'raised',
    );
    assert.equal(raised?.suspectCommit?.sha, shas['sources']);
    assert.equal(raised?.suspectCommit?.summary, 'Cart and checkout');
    assert.deepEqual(raised?.owners, {
      owners: ['@acme/web', 'jane@example.com'],
      source: '.github/CODEOWNERS',
      line: 2,
    });
    const main = (JSON.parse(run.stdout) as ScanJson).annotations.find(
      (annotation) => annotation.file === 'src/main.ts',
    );
    assert.deepEqual(main?.owners, { owners: ['@acme/platform'], source: '.github/CODEOWNERS', line: 1 });
  });

  test('bad input ends with one line and exit 2: no issue, a reference that is no id, an issue the project lacks', async () => {
    for (const args of [eventArgs(), eventArgs('../etc/passwd'), eventArgs('1001', 'extra'), eventArgs('NOPE-404')]) {
      const run = await runCli(args, token);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(
        run.stderr
          .trim()
          .split('\n')
          .filter((line) => line.startsWith('sentry-insight:')).length,
        1,
        run.stderr,
      );
      assert.equal(run.stdout, '');
    }
  });

  test('--help names the command, its options and examples', async () => {
    const run = await runCli(['event', '--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: sentry-insight event <issue id or short id> \[options\]/);
    assert.match(run.stdout, /Examples:\n  sentry-insight event SHOP-1A\n/);
    assert.match((await runCli(['--help'])).stdout, /^  event +Print an issue's latest event/m);
  });
});
