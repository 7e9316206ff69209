// Drives the built `sentry-insight compare` against a fake Sentry over its three releases: what is new in a release,
// what regressed in it, what is gone since the base, the JSON contract, the release gate's exit codes, and the
// stories `scan --json` now tells.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompareJson } from '../../../src/cli/compareOutput';
import type { ScanJson } from '../../../src/cli/scanOutput';
import {
  DEFAULT_TOKEN,
  defaultScenario,
  scenario,
  startFakeSentry,
  type FakeSentryData,
} from '../../support/fakeSentry';
import { runCli, useCliFixture } from './cliRun';

const { org, releases } = scenario;
const web = scenario.projects.web;
const token = { SENTRY_AUTH_TOKEN: DEFAULT_TOKEN };

const ids = (issues: ReadonlyArray<{ id: string }>): string[] => issues.map((issue) => issue.id).sort();

/** The issue contract in plain words, applied to the fake's data: what each list must hold. */
function expected(data: FakeSentryData, release: string, base: string) {
  const ofWeb = data.issues.filter((issue) => issue.projectId === web.id);
  const hasEvents = (issue: (typeof ofWeb)[number], version: string) =>
    issue.eventCounts.some((row) => row.release === version && row.count > 0);
  return {
    new: ofWeb
      .filter((issue) => issue.firstRelease === release)
      .map((issue) => issue.id)
      .sort(),
    regressed: ofWeb
      .filter((issue) => issue.status === 'unresolved' && issue.substatus === 'regressed' && hasEvents(issue, release))
      .map((issue) => issue.id)
      .sort(),
    gone: ofWeb
      .filter((issue) => hasEvents(issue, base) && !hasEvents(issue, release))
      .map((issue) => issue.id)
      .sort(),
  };
}

describe('sentry-insight compare', () => {
  const fixture = useCliFixture();

  const compareArgs = (...extra: string[]) => [
    'compare',
    '--url',
    fixture.fake.url,
    '--org',
    org,
    '--project',
    web.slug,
    '--workspace',
    fixture.workspace,
    ...extra,
  ];

  test('--json lists new, regressed and gone issues of the release against the release before it', async () => {
    const run = await runCli(compareArgs('--release', releases.v120, '--json'), token);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as CompareJson;
    assert.equal(result.release, releases.v120);
    assert.equal(result.base, releases.v110, 'the base defaults to the previous release');
    const want = expected(fixture.fake.data, releases.v120, releases.v110);
    assert.deepEqual({ new: ids(result.new), regressed: ids(result.regressed), gone: ids(result.gone) }, want);
    // Spot checks that do not lean on the oracle above.
    assert.ok(ids(result.new).includes('1002'), 'first seen in 1.2.0');
    assert.ok(!ids(result.new).includes('1001'), 'the cart issue started in 1.1.0: carried, not new');
    assert.deepEqual(ids(result.regressed), ['1004']);
    assert.ok(ids(result.gone).includes('1003'), 'the payment issue had events in 1.1.0 and none in 1.2.0');

    const fresh = result.new.find((issue) => issue.id === '1002');
    assert.ok(fresh);
    assert.deepEqual(
      {
        count: fresh.count,
        userCount: fresh.userCount,
        firstRelease: fresh.firstRelease,
        lastRelease: fresh.lastRelease,
        story: fresh.story,
      },
      { count: 8, userCount: 5, firstRelease: releases.v120, lastRelease: releases.v120, story: 'new' },
    );
    for (const issue of [...result.new, ...result.regressed, ...result.gone]) {
      assert.deepEqual(
        Object.keys(issue).sort(),
        [
          'count',
          'firstRelease',
          'firstSeen',
          'id',
          'lastRelease',
          'lastSeen',
          'level',
          'permalink',
          'shortId',
          'status',
          'story',
          'title',
          'userCount',
        ].sort(),
      );
    }
    const regressed = result.regressed[0];
    assert.equal(regressed?.story, 'regressed');
    assert.equal(regressed?.count, 11, 'events within the release');
    const gone = result.gone.find((issue) => issue.id === '1003');
    assert.equal(gone?.count, 6, "a gone issue's counts are the base release's");
    assert.equal(gone?.lastRelease, releases.v110);
  });

  test('--base picks the release to compare with', async () => {
    const run = await runCli(compareArgs('--release', releases.v110, '--base', releases.v100, '--json'), token);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as CompareJson;
    assert.equal(result.base, releases.v100);
    assert.deepEqual(
      { new: ids(result.new), regressed: ids(result.regressed), gone: ids(result.gone) },
      expected(fixture.fake.data, releases.v110, releases.v100),
    );
  });

  test('--environment narrows every list to that environment', async () => {
    const run = await runCli(compareArgs('--release', releases.v120, '--environment', 'staging', '--json'), token);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as CompareJson;
    const stagingIds = fixture.fake.data.issues
      .filter((issue) => issue.eventCounts.some((row) => row.environment === 'staging'))
      .map((issue) => issue.id);
    for (const issue of [...result.new, ...result.regressed])
      assert.ok(stagingIds.includes(issue.id), `${issue.id} has staging events`);
    const cart = [...result.new, ...result.regressed].find((issue) => issue.id === '1008');
    if (cart) assert.equal(cart.count, 12, 'staging events only');
  });

  test('--fail-on exits 3 when a named category holds an issue, 0 when none does', async () => {
    const failing = await runCli(compareArgs('--release', releases.v120, '--fail-on', 'new,regressed'), token);
    assert.equal(failing.code, 3, failing.stderr);
    assert.match(failing.stderr, /release gate failed: \d+ new, 1 regressed/);
    // The only regressed issue has no events in 1.1.0.
    const passing = await runCli(compareArgs('--release', releases.v110, '--fail-on', 'regressed'), token);
    assert.equal(passing.code, 0, passing.stderr);
    const usage = await runCli(compareArgs('--release', releases.v120, '--fail-on', 'fixed'), token);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--fail-on takes new, regressed, gone/);
  });

  test('human output names each section with its issues and a summary line', async () => {
    const run = await runCli(compareArgs('--release', releases.v120), token);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Release shop@1\.2\.0\+45 \(option\) compared with shop@1\.1\.0$/m);
    assert.match(run.stdout, /^New in shop@1\.2\.0\+45: \d+$/m);
    assert.match(
      run.stdout,
      /^Regressed in shop@1\.2\.0\+45: 1$\n^ {2}SHOP-WEB-\w+ +✖ 11 events · 7 users {2}TypeError: cents\.toFixed is not a function {2}\(first seen in shop@1\.0\.0\)$/m,
    );
    assert.match(run.stdout, /^Gone since shop@1\.1\.0 \(no events in shop@1\.2\.0\+45\): \d+$/m);
    assert.match(run.stdout, /Payment declined/);
  });

  test('the release is detected as for scan, and a project without releases is a configuration error', async () => {
    const detected = await runCli(compareArgs('--json'), { ...token, SENTRY_RELEASE: releases.v110 });
    assert.equal(detected.code, 0, detected.stderr);
    assert.equal((JSON.parse(detected.stdout) as CompareJson).release, releases.v110);
    const data = defaultScenario();
    data.releases = [];
    const bare = await startFakeSentry({ data });
    try {
      const run = await runCli(
        ['compare', '--url', bare.url, '--org', org, '--project', web.slug, '--workspace', fixture.workspace],
        token,
      );
      assert.equal(run.code, 2);
      assert.match(run.stderr, /has no releases to compare/);
    } finally {
      await bare.close();
    }
  });

  test('a release gate never passes on a typo: an unknown --release, SENTRY_RELEASE or --base is exit 2, one line', async () => {
    const oneFailure = (stderr: string): string[] =>
      stderr.split('\n').filter((line) => line.startsWith('sentry-insight:'));
    const base = await runCli(compareArgs('--release', releases.v120, '--base', 'nope@1', '--fail-on', 'gone'), token);
    assert.equal(base.code, 2, base.stderr);
    assert.deepEqual(oneFailure(base.stderr).length, 1, base.stderr);
    assert.match(base.stderr, /Base release "nope@1" does not exist in the project: check --base/);
    const release = await runCli(compareArgs('--release', 'nope@9', '--fail-on', 'new'), token);
    assert.equal(release.code, 2, release.stderr);
    assert.match(
      release.stderr,
      /Release "nope@9" \(--release\) does not exist in the project; its newest is shop@1\.2\.0\+45/,
    );
    assert.equal(release.stdout, '', 'no comparison of another release is printed');
    const env = await runCli(compareArgs('--fail-on', 'new'), { ...token, SENTRY_RELEASE: 'nope@9' });
    assert.equal(env.code, 2, env.stderr);
    assert.match(env.stderr, /Release "nope@9" \(SENTRY_RELEASE\) does not exist/);
  });

  test('scan --json tells each issue its story; --release-facts adds where each started and was last seen', async () => {
    const scanJson = async (...extra: string[]) => {
      const run = await runCli(
        [
          'scan',
          '--url',
          fixture.fake.url,
          '--org',
          org,
          '--project',
          web.slug,
          '--workspace',
          fixture.workspace,
          '--release',
          releases.v120,
          '--json',
          ...extra,
        ],
        token,
      );
      assert.equal(run.code, 0, run.stderr);
      return new Map((JSON.parse(run.stdout) as ScanJson).issues.map((issue) => [issue.id, issue]));
    };
    const listed = await scanJson();
    assert.deepEqual(pick(listed.get('1001')), { firstRelease: null, lastRelease: null, story: 'carried' });
    assert.deepEqual(pick(listed.get('1002')), { firstRelease: releases.v120, lastRelease: null, story: 'new' });
    assert.deepEqual(pick(listed.get('1004')), { firstRelease: null, lastRelease: null, story: 'regressed' });
    const full = await scanJson('--release-facts');
    assert.deepEqual(pick(full.get('1001')), {
      firstRelease: releases.v110,
      lastRelease: releases.v120,
      story: 'carried',
    });
    assert.deepEqual(pick(full.get('1002')), { firstRelease: releases.v120, lastRelease: releases.v120, story: 'new' });
    assert.deepEqual(pick(full.get('1004')), {
      firstRelease: releases.v100,
      lastRelease: releases.v120,
      story: 'regressed',
    });
  });
});

function pick(issue: ScanJson['issues'][number] | undefined) {
  return issue && { firstRelease: issue.firstRelease, lastRelease: issue.lastRelease, story: issue.story };
}
