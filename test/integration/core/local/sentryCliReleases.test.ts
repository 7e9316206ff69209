// The real sentry-cli manages releases on the local server as on Sentry: new, set-commits (from the local git checkout),
// finalize, deploys new/list, info, list, archive and delete; what it set survives a restart of the server.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { envelopePath, eventEnvelope, send } from './localHttp';
import { runSentryCli } from './sentryCliRun';

const VERSION = 'shop@3.1.0';

/** A git checkout with two commits by a known author, for set-commits. */
function gitCheckout(): { path: string; head: string } {
  const path = mkdtempSync(join(tmpdir(), 'local-releases-git-'));
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: path,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', HOME: path, GIT_CONFIG_NOSYSTEM: '1' },
    }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Ada Lovelace');
  git('config', 'user.email', 'ada@example.com');
  git('remote', 'add', 'origin', 'https://github.com/example/shop.git');
  for (const [file, message] of [
    ['cart.js', 'Add the cart'],
    ['orders.js', 'Fix empty orders'],
  ]) {
    writeFileSync(join(path, file ?? ''), `// ${message}\n`);
    git('add', '.');
    git('commit', '-q', '-m', message ?? '');
  }
  return { path, head: git('rev-parse', 'HEAD') };
}

describe('sentry-cli releases against the local server', () => {
  let storeDir: string;
  let server: LocalSentry;
  let checkout: { path: string; head: string };
  // sentry-cli carries the local server's token as SENTRY_AUTH_TOKEN, as the README tells users to set it.
  const cli = (args: string[], cwd?: string) =>
    runSentryCli(server.url, args, { token: server.apiToken, ...(cwd === undefined ? {} : { cwd }) });
  const releaseJson = async (version: string): Promise<Record<string, unknown>> => {
    const answer = await send(server.port, {
      method: 'GET',
      path: `/api/0/organizations/local/releases/${encodeURIComponent(version)}/`,
    });
    assert.equal(answer.status, 200, answer.text);
    return answer.json() as Record<string, unknown>;
  };

  before(async () => {
    storeDir = mkdtempSync(join(tmpdir(), 'local-releases-store-'));
    server = await startLocalSentry({ storeDirectory: storeDir });
    checkout = gitCheckout();
  });
  after(async () => {
    await server.close();
    rmSync(storeDir, { recursive: true, force: true });
    rmSync(checkout.path, { recursive: true, force: true });
  });

  test('refuses a release change from a sentry-cli without the local token, and stores nothing', async () => {
    const refused = await runSentryCli(server.url, ['releases', 'new', 'shop@0.0.1-untrusted', '--project', '1'], {
      token: 'not-the-local-token',
    });
    assert.notEqual(refused.code, 0, refused.stdout);
    assert.match(refused.stderr, /Invalid token.*local-api-token/s);
    const answer = await send(server.port, {
      method: 'GET',
      path: '/api/0/organizations/local/releases/shop%400.0.1-untrusted/',
    });
    assert.equal(answer.status, 404, answer.text);
  });

  test('creates a release for a project that has sent nothing yet, and lists it', async () => {
    const created = await cli(['releases', 'new', VERSION, '--project', '1']);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Created release shop@3\.1\.0/);
    const again = await cli(['releases', 'new', VERSION, '--project', '1']);
    assert.equal(again.code, 0, again.stderr);
    const listed = await cli(['releases', 'list']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /shop@3\.1\.0/);
    const release = await releaseJson(VERSION);
    assert.deepEqual(
      [release['dateReleased'], (release['projects'] as Array<{ id: number }>).map((project) => project.id)],
      [null, [1]],
    );
  });

  test('sets the commits of the local git checkout and finalizes', async () => {
    const set = await cli(['releases', 'set-commits', VERSION, '--local'], checkout.path);
    assert.equal(set.code, 0, set.stderr);
    const finalized = await cli(['releases', 'finalize', VERSION]);
    assert.equal(finalized.code, 0, finalized.stderr);
    const release = await releaseJson(VERSION);
    assert.equal(release['commitCount'], 2);
    assert.equal((release['lastCommit'] as { id: string }).id, checkout.head);
    assert.deepEqual(release['authors'], [{ name: 'Ada Lovelace', email: 'ada@example.com' }]);
    assert.equal(typeof release['dateReleased'], 'string');
    const info = await cli(['releases', 'info', VERSION]);
    assert.equal(info.code, 0, info.stderr);
    assert.match(info.stdout, /shop@3\.1\.0/);
  });

  test('records deploys and lists them', async () => {
    const deployed = await cli(['deploys', 'new', '--release', VERSION, '--env', 'staging', '--name', 'first']);
    assert.equal(deployed.code, 0, deployed.stderr);
    const listed = await cli(['deploys', 'list', '--release', VERSION]);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /staging/);
    const release = await releaseJson(VERSION);
    assert.deepEqual(
      [release['deployCount'], (release['lastDeploy'] as { environment: string }).environment],
      [1, 'staging'],
    );
  });

  test('keeps what was set after a restart, together with the releases events name', async () => {
    assert.equal(
      (
        await send(server.port, {
          path: envelopePath('1'),
          body: eventEnvelope({ event_id: 'd'.repeat(32), message: 'hi', release: 'shop@3.0.0' }),
        })
      ).status,
      200,
    );
    await server.close();
    server = await startLocalSentry({ storeDirectory: storeDir });
    const release = await releaseJson(VERSION);
    assert.deepEqual(
      [release['commitCount'], release['deployCount'], typeof release['dateReleased']],
      [2, 1, 'string'],
    );
    const versions = (
      (await (
        await send(server.port, { method: 'GET', path: '/api/0/organizations/local/releases/' })
      ).json()) as Array<{ version: string }>
    ).map((item) => item.version);
    assert.deepEqual(versions.sort(), ['shop@3.0.0', VERSION]);
  });

  test('archives, and deletes a release no issue refers to but keeps one that issues were seen in', async () => {
    const archived = await cli(['releases', 'archive', VERSION]);
    assert.equal(archived.code, 0, archived.stderr);
    assert.equal((await releaseJson(VERSION))['status'], 'archived');
    const refused = await cli(['releases', 'delete', 'shop@3.0.0']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /referenced by active issues/);
    const deleted = await cli(['releases', 'delete', VERSION]);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.equal(
      (await send(server.port, { method: 'GET', path: `/api/0/organizations/local/releases/${VERSION}/` })).status,
      404,
    );
  });

  test('refuses a version Sentry does not allow and an unknown project slug with 400s', async () => {
    const badVersion = await send(server.port, {
      path: '/api/0/organizations/local/releases/',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.apiToken}` },
      body: JSON.stringify({ version: 'a/b', projects: ['1'] }),
    });
    assert.equal(badVersion.status, 400);
    const badProject = await send(server.port, {
      path: '/api/0/organizations/local/releases/',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.apiToken}` },
      body: JSON.stringify({ version: 'x@1', projects: ['nope'] }),
    });
    assert.equal(badProject.status, 400);
    assert.match(badProject.text, /project/);
  });
});
