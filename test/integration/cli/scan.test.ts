// Drives the built `sentry-insight scan` (dist/cli.js) against a fake Sentry and a temp workspace holding the scenario's
// source files: the contract users and scripts rely on (JSON shape, human lines, exit codes, release detection).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ScanJson } from '../../../src/cli/scanOutput';
import {
  DEFAULT_TOKEN,
  defaultScenario,
  lineOf,
  scenario,
  scenarioSources,
  startFakeSentry,
} from '../../support/fakeSentry';
import { makeWorkspace, runCli, useCliFixture } from './cliRun';

const { org, releases } = scenario;
const web = scenario.projects.web.slug;

describe('sentry-insight scan', () => {
  const fixture = useCliFixture();
  const token = { SENTRY_AUTH_TOKEN: DEFAULT_TOKEN };

  function scanArgs(...extra: string[]): string[] {
    return [
      'scan',
      '--url',
      fixture.fake.url,
      '--org',
      org,
      '--project',
      web,
      '--workspace',
      fixture.workspace,
      ...extra,
    ];
  }

  test('--json marks each frame line with the release counts and roles', async () => {
    const run = await runCli(scanArgs('--release', releases.v120, '--json'), token);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as ScanJson;
    assert.deepEqual(result.release, { version: releases.v120, source: 'option' });
    const cartIssue = result.issues.find((issue) => issue.id === '1001');
    assert.ok(cartIssue, 'the cart issue is listed');
    assert.equal(cartIssue.count, 28, 'events in the release, all environments');
    assert.equal(typeof cartIssue.permalink, 'string');
    const raised = result.annotations.find(
      (annotation) => annotation.issueId === '1001' && annotation.role === 'raised',
    );
    assert.deepEqual(raised, {
      file: 'src/cart.ts',
      line: lineOf('src/cart.ts', 'line.item.price'),
      issueId: '1001',
      role: 'raised',
      count: 28,
      userCount: 10,
      moved: false,
      suspectCommit: null,
      owners: null,
    });
    const callers = result.annotations
      .filter((annotation) => annotation.issueId === '1001' && annotation.role === 'caller')
      .map((annotation) => `${annotation.file}:${annotation.line}`);
    assert.ok(callers.includes(`src/cart.ts:${lineOf('src/cart.ts', 'renderTotal();')}`));
    assert.ok(callers.includes(`src/main.ts:${lineOf('src/main.ts', "addToCart('sku-1', 1)")}`));
    // Issues of other releases and resolved ones are not in the release's unresolved list.
    assert.ok(!result.issues.some((issue) => issue.id === '1003'), 'resolved issue left out');
    // The minified bundle frame has no workspace file.
    assert.ok(result.unresolvedFrames >= 0);
    assert.ok(
      result.annotations.every((annotation) => !annotation.file.startsWith('/') && !annotation.file.includes('..')),
    );
  });

  test('human output: one line per mark, sorted by file and line, with a summary', async () => {
    const run = await runCli(scanArgs('--release', releases.v120), token);
    assert.equal(run.code, 0, run.stderr);
    const line = lineOf('src/cart.ts', 'line.item.price');
    assert.match(
      run.stdout,
      new RegExp(
        `^src/cart\\.ts:${line}\\s+✖ 28 events · 10 users  TypeError: Cannot read properties of undefined \\(reading 'price'\\)  SHOP-WEB-\\w+$`,
        'm',
      ),
    );
    const places = run.stdout
      .split('\n')
      .filter((text) => /^\S+:\d+ /.test(text))
      .map((text) => text.split(' ')[0] as string);
    const sorted = [...places].sort(
      (a, b) => a.split(':')[0]!.localeCompare(b.split(':')[0]!) || Number(a.split(':')[1]) - Number(b.split(':')[1]),
    );
    assert.deepEqual(places, sorted);
    assert.match(run.stdout, /unresolved issues in release shop@1\.2\.0\+45 \(option\)/);
    assert.match(run.stderr, /^Connecting to http:\/\/127\.0\.0\.1:\d+$/m, 'a progress line on stderr');
  });

  test("frames resolve through the project's Sentry code mapping where the paths alone would not match", async () => {
    const data = defaultScenario();
    const mapping = data.codeMappings.find((candidate) => candidate.stackRoot === 'app:///server/');
    assert.ok(mapping);
    mapping.sourceRoot = 'backend/';
    const mapped = await startFakeSentry({ data });
    const dir = makeWorkspace({ 'backend/orders.ts': scenarioSources['server/orders.ts'] as string });
    try {
      const run = await runCli(
        [
          'scan',
          '--url',
          mapped.url,
          '--org',
          org,
          '--project',
          scenario.projects.api.slug,
          '--workspace',
          dir,
          '--release',
          releases.v120,
          '--json',
        ],
        token,
      );
      assert.equal(run.code, 0, run.stderr);
      const places = (JSON.parse(run.stdout) as ScanJson).annotations.map(
        (annotation) => `${annotation.file}:${annotation.line}`,
      );
      assert.ok(
        places.includes(`backend/orders.ts:${lineOf('server/orders.ts', 'throw new Error(`Order not found`)')}`),
        places.join(', '),
      );
    } finally {
      await mapped.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('detects the release from SENTRY_RELEASE and reports the source', async () => {
    const run = await runCli(scanArgs('--json'), { ...token, SENTRY_RELEASE: releases.v110 });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as ScanJson).release, { version: releases.v110, source: 'env' });
  });

  test('falls back to the newest release, with a warning, when no candidate exists', async () => {
    const run = await runCli(scanArgs('--json'), { ...token, SENTRY_RELEASE: 'shop@9.9.9' });
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as ScanJson;
    assert.deepEqual(result.release, { version: releases.v120, source: 'latest' });
    assert.ok(
      result.warnings.some((warning) => warning.includes('shop@9.9.9')),
      result.warnings.join('\n'),
    );
  });

  test('an unknown --release is exit 2 naming the newest release, not a silent switch to it', async () => {
    const run = await runCli(scanArgs('--release', 'nope@9', '--json'), token);
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      run.stderr,
      /Release "nope@9" \(--release\) does not exist in the project; its newest is shop@1\.2\.0\+45\. Check the name\./,
    );
    assert.equal(run.stdout, '');
  });

  test('takes org and project from .sentryclirc in the workspace', async () => {
    const dir = makeWorkspace({
      ...scenarioSources,
      '.sentryclirc': `[defaults]\nurl=${fixture.fake.url}\norg=${org}\nproject=${web}\n`,
    });
    try {
      const run = await runCli(['scan', '--workspace', dir, '--release', releases.v120, '--json'], token);
      assert.equal(run.code, 0, run.stderr);
      assert.ok((JSON.parse(run.stdout) as ScanJson).annotations.length > 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('run from a subfolder without --workspace, finds the project root and reads ~/.sentryclirc as sentry-cli does', async () => {
    const dir = makeWorkspace({ ...scenarioSources, 'package.json': '{"name":"shop","version":"0.0.0"}\n' });
    const home = makeWorkspace({
      '.sentryclirc': `[defaults]\nurl=${fixture.fake.url}\norg=${org}\nproject=${web}\n[auth]\ntoken=${DEFAULT_TOKEN}\n`,
    });
    try {
      const run = await runCli(['scan', '--release', releases.v120, '--json'], { HOME: home }, join(dir, 'src'));
      assert.equal(run.code, 0, run.stderr);
      const files = (JSON.parse(run.stdout) as ScanJson).annotations.map((annotation) => annotation.file);
      assert.ok(files.includes('src/cart.ts') && files.includes('src/main.ts'), files.join(', '));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    }
  });

  test("the project's .sentryclirc wins over ~/.sentryclirc, field by field", async () => {
    const dir = makeWorkspace({ ...scenarioSources, '.sentryclirc': `[defaults]\nproject=${web}\n` });
    const home = makeWorkspace({ '.sentryclirc': `[defaults]\nurl=${fixture.fake.url}\norg=${org}\nproject=nope\n` });
    try {
      const run = await runCli(
        ['scan', '--release', releases.v120, '--json'],
        { ...token, HOME: home },
        join(dir, 'src'),
      );
      assert.equal(run.code, 0, run.stderr);
      assert.ok((JSON.parse(run.stdout) as ScanJson).annotations.length > 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    }
  });

  test('filters by environment', async () => {
    const run = await runCli(scanArgs('--release', releases.v120, '--environment', 'staging', '--json'), token);
    assert.equal(run.code, 0, run.stderr);
    const ids = (JSON.parse(run.stdout) as ScanJson).issues.map((issue) => issue.id);
    assert.ok(ids.includes('1001') && !ids.includes('1002'), ids.join(','));
  });

  test('a line inserted above the frame moves the mark and says so', async () => {
    const original = scenarioSources['src/cart.ts'] as string;
    const dir = makeWorkspace({
      ...scenarioSources,
      'src/cart.ts': `// a new first line\n// and another\n${original}`,
    });
    try {
      const run = await runCli(
        [
          'scan',
          '--url',
          fixture.fake.url,
          '--org',
          org,
          '--project',
          web,
          '--workspace',
          dir,
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
      assert.equal(raised?.line, lineOf('src/cart.ts', 'line.item.price') + 2);
      assert.equal(raised?.moved, true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('exit 2 with one clear line when the token is rejected; the token is never printed', async () => {
    const run = await runCli(scanArgs('--release', releases.v120), {
      SENTRY_AUTH_TOKEN: 'sntryu_not_a_real_token_123',
    });
    assert.equal(run.code, 2);
    const lines = run.stderr
      .trim()
      .split('\n')
      .filter((text) => text.startsWith('sentry-insight:'));
    assert.equal(lines.length, 1, run.stderr);
    assert.match(run.stderr, /401/);
    assert.doesNotMatch(run.stderr + run.stdout, /not_a_real_token/);
  });

  test('exit 2 when the organization is missing, naming how to set it', async () => {
    const run = await runCli(
      ['scan', '--url', fixture.fake.url, '--project', web, '--workspace', fixture.workspace],
      token,
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--org.*SENTRY_ORG/);
  });

  test('exit 2 for an unknown project, listing the ones the token can see', async () => {
    const run = await runCli(
      ['scan', '--url', fixture.fake.url, '--org', org, '--project', 'nope', '--workspace', fixture.workspace],
      token,
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /shop-api, shop-web/);
  });

  test('exit 1 when the server keeps failing', async () => {
    const broken = await startFakeSentry({ data: defaultScenario() });
    broken.inject({ path: /\/issues\//, status: 503, times: 1000 });
    try {
      const run = await runCli(
        [
          'scan',
          '--url',
          broken.url,
          '--org',
          org,
          '--project',
          web,
          '--workspace',
          fixture.workspace,
          '--release',
          releases.v120,
        ],
        token,
      );
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /503/);
    } finally {
      await broken.close();
    }
  });

  test('one request per issue: story on every issue, first release only where the lists tell it, unless --release-facts', async () => {
    fixture.fake.requests.length = 0;
    const run = await runCli(scanArgs('--release', releases.v120, '--json'), token);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as ScanJson;
    assert.equal(fixture.fake.requestsTo(/\/issues\/\d+\/(\?|$)/, 'GET').length, 0, 'no issue details');
    const byId = new Map(result.issues.map((issue) => [issue.id, issue]));
    assert.deepEqual(
      { ...byId.get('1002'), count: 0 },
      { ...byId.get('1002'), count: 0, story: 'new', firstRelease: releases.v120, lastRelease: null },
    );
    assert.deepEqual([byId.get('1001')?.story, byId.get('1001')?.firstRelease], ['carried', null]);
    assert.equal(byId.get('1004')?.story, 'regressed');

    const full = await runCli(scanArgs('--release', releases.v120, '--json', '--release-facts'), token);
    assert.equal(full.code, 0, full.stderr);
    const cart = (JSON.parse(full.stdout) as ScanJson).issues.find((issue) => issue.id === '1001');
    assert.deepEqual([cart?.story, cart?.firstRelease, cart?.lastRelease], ['carried', releases.v110, releases.v120]);
  });

  test('exit 1 naming the missing issues when an event stays unavailable; the other marks are printed', async () => {
    const busy = await startFakeSentry({ data: defaultScenario() });
    busy.inject({ path: /\/issues\/1004\/events\/latest\//, status: 503, times: 1000 });
    try {
      const run = await runCli(
        [
          'scan',
          '--url',
          busy.url,
          '--org',
          org,
          '--project',
          web,
          '--workspace',
          fixture.workspace,
          '--release',
          releases.v120,
          '--json',
        ],
        token,
      );
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /incomplete: 1 issue \(SHOP-WEB-\w+\) has no marks: the server was busy or failing/);
      const result = JSON.parse(run.stdout) as ScanJson;
      assert.deepEqual(
        result.missing.map((entry) => entry.issueId),
        ['1004'],
      );
      assert.ok(result.annotations.some((annotation) => annotation.issueId === '1001'));
    } finally {
      await busy.close();
    }
  });

  test('GlitchTip: the same scan works, without user counts', async () => {
    const glitchtip = await startFakeSentry({ flavour: 'glitchtip', data: defaultScenario() });
    try {
      const run = await runCli(
        [
          'scan',
          '--url',
          glitchtip.url,
          '--org',
          org,
          '--project',
          web,
          '--workspace',
          fixture.workspace,
          '--release',
          releases.v120,
          '--json',
        ],
        token,
      );
      assert.equal(run.code, 0, run.stderr);
      const result = JSON.parse(run.stdout) as ScanJson;
      assert.ok(
        result.annotations.some((annotation) => annotation.file === 'src/cart.ts'),
        run.stdout,
      );
    } finally {
      await glitchtip.close();
    }
  });
});
