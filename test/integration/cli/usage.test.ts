// Drives the built CLI with help requests and bad input: each command has its own help with examples, and bad usage
// or bad input is one line on stderr with exit 2, before any request reaches the server.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { compareSpec } from '../../../src/cli/compareCommand';
import { scanSpec } from '../../../src/cli/scanCommand';
import { serveSpec } from '../../../src/cli/serveCommand';
import { DEFAULT_TOKEN, scenario } from '../../support/fakeSentry';
import { runCli, useCliFixture } from './cliRun';

const { org, releases } = scenario;
const web = scenario.projects.web.slug;
const token = { SENTRY_AUTH_TOKEN: DEFAULT_TOKEN };

/** The lines a run wrote to stderr, without blank ones. */
function stderrLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.trim() !== '');
}

describe('sentry-insight help', () => {
  for (const [command, options] of [
    [
      'scan',
      [
        '--url',
        '--org',
        '--project',
        '--release',
        '--environment',
        '--workspace',
        '--period',
        '--json',
        '--verbose',
        '--help',
      ],
    ],
    [
      'compare',
      [
        '--url',
        '--org',
        '--project',
        '--release',
        '--base',
        '--fail-on',
        '--environment',
        '--workspace',
        '--period',
        '--json',
        '--verbose',
      ],
    ],
    [
      'serve',
      [
        '--port',
        '--store',
        '--workspace',
        '--project',
        '--token',
        '--keep-ip-addresses',
        '--sensitive-fields',
        '--no-scrubbing',
        '--verbose',
        '--help',
      ],
    ],
  ] as const) {
    test(`${command} --help shows its own usage, every option it takes and examples, on stdout with exit 0`, async () => {
      const run = await runCli([command, '--help']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^Usage: sentry-insight ${command} \\[options\\]`));
      for (const option of options)
        assert.match(run.stdout, new RegExp(`^  ${option}\\b`, 'm'), `${command} --help lists ${option}`);
      assert.match(run.stdout, new RegExp(`Examples:\\n  sentry-insight ${command}`));
      const other = command === 'serve' ? '--fail-on' : '--store';
      assert.doesNotMatch(run.stdout, new RegExp(`^  ${other}\\b`, 'm'), 'no option of another command');
    });
  }

  for (const spec of [scanSpec, compareSpec, serveSpec]) {
    test(`${spec.name} --help lists every option the command accepts`, () => {
      for (const option of [...spec.args.valued, ...spec.args.switches])
        assert.match(spec.help, new RegExp(`^  --${option}\\b`, 'm'), `${spec.name} --help lists --${option}`);
    });
  }

  test('-h and `help scan` answer like --help', async () => {
    const short = await runCli(['scan', '-h']);
    const word = await runCli(['help', 'scan']);
    const long = await runCli(['scan', '--help']);
    assert.equal(short.stdout, long.stdout);
    assert.equal(word.stdout, long.stdout);
  });

  test('--help alone lists the commands and how to get their help', async () => {
    const run = await runCli(['--help']);
    assert.equal(run.code, 0);
    for (const command of ['scan', 'compare', 'serve', 'mcp'])
      assert.match(run.stdout, new RegExp(`^  ${command} `, 'm'));
    assert.match(run.stdout, /sentry-insight <command> --help/);
  });

  test("an unknown option is one line naming it and the command's help", async () => {
    for (const command of ['scan', 'compare', 'serve', 'mcp']) {
      const run = await runCli([command, '--frobnicate']);
      assert.equal(run.code, 2);
      assert.deepEqual(stderrLines(run.stderr), [
        `sentry-insight: unknown option --frobnicate; see \`sentry-insight ${command} --help\``,
      ]);
      assert.equal(run.stdout, '');
    }
  });

  test('an unknown command is one line naming it', async () => {
    const run = await runCli(['sacn', '--org', 'acme']);
    assert.equal(run.code, 2);
    assert.equal(stderrLines(run.stderr).length, 1, run.stderr);
    assert.match(run.stderr, /unknown command "sacn".*scan, compare, serve.*sentry-insight --help/);
  });
});

describe('bad input is exit 2 and one line, before anything is sent', () => {
  const fixture = useCliFixture();

  async function refused(args: readonly string[], message: RegExp, env: Record<string, string> = token): Promise<void> {
    const before = fixture.fake.requests.length;
    const run = await runCli(args, env);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    const lines = stderrLines(run.stderr);
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0] ?? '', message);
    assert.equal(run.stdout, '');
    assert.equal(fixture.fake.requests.length, before, 'no request reached the server');
  }

  const connection = (): string[] => [
    '--url',
    fixture.fake.url,
    '--org',
    org,
    '--project',
    web,
    '--release',
    releases.v120,
  ];

  test('--workspace naming a missing folder, a file or an empty folder', async () => {
    const empty = join(fixture.workspace, 'empty-folder');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(fixture.workspace, 'a-file.txt'), 'text');
    for (const command of ['scan', 'compare']) {
      await refused(
        [command, ...connection(), '--workspace', join(fixture.workspace, 'no-such-folder')],
        /--workspace .*no-such-folder does not exist/,
      );
      await refused(
        [command, ...connection(), '--workspace', join(fixture.workspace, 'a-file.txt')],
        /--workspace .*a-file\.txt is a file, not a folder/,
      );
      await refused([command, ...connection(), '--workspace', empty], /--workspace .*empty-folder is an empty folder/);
    }
  });

  test('an invalid --url or SENTRY_URL never becomes https://sentry.io', async () => {
    const rest = ['--org', org, '--project', web, '--workspace', fixture.workspace];
    await refused(
      ['scan', '--url', 'not-a-url', ...rest],
      /server URL from --url cannot be used: it is not an absolute URL/,
    );
    await refused(['scan', '--url', 'ftp://x', ...rest], /server URL from --url cannot be used: it uses ftp:/);
    await refused(['compare', ...rest], /server URL from SENTRY_URL cannot be used/, {
      ...token,
      SENTRY_URL: 'ftp://x',
    });
    // Without a token too: the URL problem is named, not "no auth token for https://sentry.io".
    await refused(['scan', '--url', 'not-a-url', ...rest], /--url/, {});
  });

  test('--period that is not a time window', async () => {
    await refused(
      ['scan', ...connection(), '--workspace', fixture.workspace, '--period', 'banana'],
      /--period "banana" is not a time window: .*24h, 14d or 90d/,
    );
    await refused(['compare', ...connection(), '--workspace', fixture.workspace, '--period', '14'], /--period "14"/);
  });
});

describe('a server that is not Sentry', () => {
  const fixture = useCliFixture();

  for (const status of [404, 200]) {
    test(`answering ${status} with a web page is reported as not looking like a Sentry server, exit 2`, async () => {
      fixture.fake.inject({
        path: /^\/api\/0\//,
        status,
        body: '<!DOCTYPE html>\n<html><head><title>Not Found</title></head><body>nginx</body></html>',
        times: 1000,
      });
      try {
        const run = await runCli(
          ['scan', '--url', fixture.fake.url, '--org', 'acme', '--project', 'shop', '--workspace', fixture.workspace],
          token,
        );
        assert.equal(run.code, 2, run.stderr);
        const failure = stderrLines(run.stderr).filter((line) => line.startsWith('sentry-insight:'));
        assert.equal(failure.length, 1, run.stderr);
        assert.match(failure[0] ?? '', /does not look like a Sentry server/);
        assert.doesNotMatch(run.stderr, /was not found/);
      } finally {
        fixture.fake.clearFaults();
      }
    });
  }
});
