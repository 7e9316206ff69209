// The API that real Sentry clients call, on the local server: the real sentry-cli lists events and resolves and mutes
// issues through the project-scoped bulk update; `/auth/`, teams and project keys answer in Sentry's shapes (the keys'
// DSN takes events); a project's events list and lookup by id; releases carry the whole version as `shortVersion`;
// a browser event gets Sentry's browser, OS and device tags from its User-Agent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { envelopePath, eventEnvelope, send } from './localHttp';
import { runSentryCli } from './sentryCliRun';

const MAC_CHROME =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.109 Safari/537.36';
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1';
const WINDOWS_FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36';

const eventId = (n: number): string => n.toString(16).padStart(32, 'c');

function browserEvent(n: number, fn: string, userAgent: string): Record<string, unknown> {
  return {
    event_id: eventId(n),
    platform: 'javascript',
    release: 'shop@2.0.0',
    timestamp: 1_790_000_000 + n,
    request: { url: 'http://localhost:5173/', headers: { 'User-Agent': userAgent } },
    exception: {
      values: [
        {
          type: 'Error',
          value: `failed ${n}`,
          stacktrace: { frames: [{ filename: 'http://localhost:5173/main.js', function: fn, lineno: 1, colno: 5 }] },
        },
      ],
    },
  };
}

const tagsOf = (event: unknown): Record<string, string> =>
  Object.fromEntries(
    (event as { tags: Array<{ key: string; value: string }> }).tags.map((tag) => [tag.key, tag.value]),
  );

describe('the API real clients call, on the local server', () => {
  let server: LocalSentry;
  const get = async (path: string): Promise<unknown> => {
    const answer = await send(server.port, { method: 'GET', path });
    assert.equal(answer.status, 200, `${path}: ${answer.text}`);
    return answer.json();
  };

  before(async () => {
    server = await startLocalSentry();
    const agents = [MAC_CHROME, IPHONE_SAFARI, WINDOWS_FIREFOX, ANDROID_CHROME];
    for (const [index, agent] of agents.entries()) {
      const answer = await send(server.port, {
        path: envelopePath('1'),
        body: eventEnvelope(browserEvent(index + 1, `step${index}`, agent)),
      });
      assert.equal(answer.status, 200, answer.text);
    }
  });
  after(() => server.close());

  test('derives browser, os and device tags from the User-Agent as Sentry does', async () => {
    const tags = await Promise.all(
      [1, 2, 3, 4].map(async (n) => tagsOf(await get(`/api/0/projects/local/1/events/${eventId(n)}/`))),
    );
    const pick = (all: Record<string, string>) => [
      all['browser'],
      all['browser.name'],
      all['os'],
      all['os.name'],
      all['device'],
    ];
    assert.deepEqual(tags.map(pick), [
      ['Chrome 120.0.6099', 'Chrome', 'Mac OS X 10.15.7', 'Mac OS X', 'Mac'],
      ['Mobile Safari 17.1.2', 'Mobile Safari', 'iOS 17.1.2', 'iOS', 'iPhone'],
      ['Firefox 121.0', 'Firefox', 'Windows 10', 'Windows', undefined],
      ['Chrome Mobile 120.0.6099', 'Chrome Mobile', 'Android 14', 'Android', 'Pixel 7'],
    ]);
  });

  test('lists a project’s events newest first and finds one by id, with or without dashes', async () => {
    const list = (await get('/api/0/projects/local/1/events/')) as Array<{
      eventID: string;
      groupID: string;
      title: string;
    }>;
    assert.deepEqual(
      list.map((event) => event.eventID),
      [4, 3, 2, 1].map(eventId),
    );
    const dashed = eventId(2).replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
    const one = (await get(`/api/0/projects/local/project-1/events/${dashed}/`)) as {
      eventID: string;
      groupID: string;
    };
    assert.deepEqual([one.eventID, one.groupID], [eventId(2), list[2]?.groupID]);
    assert.equal(
      (await send(server.port, { method: 'GET', path: `/api/0/projects/local/1/events/${'f'.repeat(32)}/` })).status,
      404,
    );
  });

  test('answers who am I, the organization’s team and the project keys, whose DSN takes events', async () => {
    const user = (await get('/api/0/auth/')) as { id: string; email: string };
    assert.deepEqual([user.id, user.email], ['1', 'local@localhost']);
    const teams = (await get('/api/0/organizations/local/teams/')) as Array<{
      slug: string;
      projects: Array<{ id: string }>;
    }>;
    assert.deepEqual(
      teams.map((team) => [team.slug, team.projects.map((project) => project.id)]),
      [['local', ['1']]],
    );
    assert.deepEqual(
      ((await get('/api/0/projects/local/1/teams/')) as Array<{ slug: string }>).map((team) => team.slug),
      ['local'],
    );
    const keys = (await get('/api/0/projects/local/1/keys/')) as Array<{
      public: string;
      isActive: boolean;
      projectId: number;
      dsn: { public: string };
    }>;
    assert.equal(keys.length, 1);
    const dsn = new URL(keys[0]?.dsn.public ?? '');
    assert.deepEqual(
      [dsn.host, dsn.pathname, keys[0]?.projectId, keys[0]?.isActive],
      [`127.0.0.1:${server.port}`, '/1', 1, true],
    );
    const posted = await send(server.port, {
      path: `/api/1/envelope/?sentry_key=${dsn.username}`,
      body: eventEnvelope(browserEvent(9, 'viaKey', MAC_CHROME)),
    });
    assert.equal(posted.status, 200);
    assert.equal((await send(server.port, { method: 'GET', path: '/api/0/projects/local/99/keys/' })).status, 404);
  });

  test('gives a release its whole version as shortVersion, so `release:<shortVersion>` finds its issues', async () => {
    const releases = (await get('/api/0/organizations/local/releases/')) as Array<{
      version: string;
      shortVersion: string;
    }>;
    assert.deepEqual(
      releases.map((release) => [release.version, release.shortVersion]),
      [['shop@2.0.0', 'shop@2.0.0']],
    );
    const found = (await get(
      `/api/0/organizations/local/issues/?query=${encodeURIComponent(`release:${releases[0]?.shortVersion ?? ''}`)}`,
    )) as unknown[];
    assert.equal(found.length, 5);
  });

  test('sentry-cli lists the project’s events', async () => {
    const run = await runSentryCli(server.url, ['events', 'list'], { token: server.apiToken });
    assert.equal(run.code, 0, run.stderr);
    for (const n of [1, 2, 3, 4]) assert.match(run.stdout, new RegExp(`failed ${n}`));
  });

  test('sentry-cli mutes and resolves issues through the project’s bulk update', async () => {
    const issueId = server.store.issues().find((issue) => issue.facts.title === 'Error: failed 1')?.id ?? '';
    const muted = await runSentryCli(server.url, ['issues', 'mute', '--id', issueId], { token: server.apiToken });
    assert.equal(muted.code, 0, muted.stderr);
    assert.deepEqual(
      server.store.issues().map((issue) => issue.status),
      server.store.issues().map((issue) => (issue.id === issueId ? 'ignored' : 'unresolved')),
    );
    const resolved = await runSentryCli(server.url, ['issues', 'resolve', '--status', 'unresolved'], {
      token: server.apiToken,
    });
    assert.equal(resolved.code, 0, resolved.stderr);
    assert.deepEqual(
      server.store.issues().map((issue) => issue.status),
      server.store.issues().map((issue) => (issue.id === issueId ? 'ignored' : 'resolved')),
    );
    const all = await runSentryCli(server.url, ['issues', 'unresolve', '--all'], { token: server.apiToken });
    assert.equal(all.code, 0, all.stderr);
    assert.ok(server.store.issues().every((issue) => issue.status === 'unresolved'));
    const listed = await runSentryCli(server.url, ['issues', 'list'], { token: server.apiToken });
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /Error: failed 1/);
  });
});
