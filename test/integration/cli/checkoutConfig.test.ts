// The built CLI and a checkout whose sentry-cli file names the server (issue 11, item 11): the host the token goes to is
// printed on stderr first, and --no-checkout-config reads nothing from the checkout, so a pull request cannot send
// the token anywhere.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ScanJson } from '../../../src/cli/scanOutput';
import {
  DEFAULT_TOKEN,
  defaultScenario,
  scenario,
  scenarioSources,
  startFakeSentry,
  type FakeSentry,
} from '../../support/fakeSentry';
import { makeWorkspace, runCli, useCliFixture } from './cliRun';

const { org, releases } = scenario;
const web = scenario.projects.web.slug;
const token = { SENTRY_AUTH_TOKEN: DEFAULT_TOKEN };

describe("a checkout's sentry-cli file naming the server", () => {
  const trusted = useCliFixture();
  let named: FakeSentry;
  let checkout: string;
  before(async () => {
    named = await startFakeSentry({ data: defaultScenario() });
    checkout = makeWorkspace({
      ...scenarioSources,
      '.sentryclirc': `[defaults]\nurl=${named.url}\norg=${org}\nproject=${web}\n`,
    });
  });
  after(async () => {
    await named.close();
    rmSync(checkout, { recursive: true, force: true });
  });

  test('scan says on stderr which host the token from SENTRY_AUTH_TOKEN is sent to, and which file named it', async () => {
    const run = await runCli(['scan', '--workspace', checkout, '--release', releases.v120, '--json'], token);
    assert.equal(run.code, 0, run.stderr);
    const host = new URL(named.url).host;
    assert.ok(
      run.stderr.includes(
        `the auth token from SENTRY_AUTH_TOKEN is sent to ${host}, the server named by ${join(checkout, '.sentryclirc')} in the checkout`,
      ),
      run.stderr,
    );
    assert.match(run.stderr, /--no-checkout-config/);
    assert.ok(
      named.requests.some((request) => request.hasAuthorization),
      'the token went where the notice said',
    );
  });

  test('compare says it too, before the token is sent', async () => {
    const run = await runCli(['compare', '--workspace', checkout, '--release', releases.v120, '--json'], token);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stderr.includes(`is sent to ${new URL(named.url).host}`), run.stderr);
  });

  test('says nothing when the server comes from --url or SENTRY_URL', async () => {
    for (const [args, env] of [
      [['--url', trusted.fake.url], token],
      [[], { ...token, SENTRY_URL: trusted.fake.url }],
    ] as const) {
      const run = await runCli(['scan', ...args, '--workspace', checkout, '--release', releases.v120, '--json'], env);
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stderr, /auth token .* is sent to/);
    }
  });

  test('--no-checkout-config reads no field of the checkout: nothing reaches the server it names', async () => {
    const before = named.requests.length;
    const env = { ...token, SENTRY_URL: trusted.fake.url };
    const unnamed = await runCli(
      ['scan', '--no-checkout-config', '--workspace', checkout, '--release', releases.v120],
      env,
    );
    assert.equal(unnamed.code, 2, 'the organization in the checkout is not read either');
    assert.match(unnamed.stderr, /No Sentry organization/);
    const run = await runCli(
      [
        'scan',
        '--no-checkout-config',
        '--org',
        org,
        '--project',
        web,
        '--workspace',
        checkout,
        '--release',
        releases.v120,
        '--json',
      ],
      env,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.ok((JSON.parse(run.stdout) as ScanJson).annotations.length > 0, 'the checkout is still scanned');
    assert.doesNotMatch(run.stderr, /is sent to/);
    assert.equal(named.requests.length, before, 'no request reached the server the checkout names');
    assert.ok(trusted.fake.requests.some((request) => request.hasAuthorization));
  });

  test("--no-checkout-config without any other server is https://sentry.io, never the checkout's", async () => {
    const before = named.requests.length;
    // No token: the CLI stops before any request, naming the server it would have used.
    const run = await runCli(['scan', '--no-checkout-config', '--org', org, '--project', web, '--workspace', checkout]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /No auth token for https:\/\/sentry\.io/);
    assert.equal(named.requests.length, before);
  });
});
