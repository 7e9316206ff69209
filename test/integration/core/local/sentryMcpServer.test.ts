// Sentry's own MCP server (@sentry/mcp-server from npm, run as its users run it: `--host … --insecure-http` and an
// access token) over stdio, driven by the MCP SDK's client, against the local Sentry: who am I, teams and the project's
// DSN, issue search and details (with the browser and OS the User-Agent names), tag values, the issue's events and an
// event by id, search_events over the organization events endpoint, releases found and detailed, and a resolve that
// reaches the server.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { findRepoRoot } from '../../../support/fakeSentry/repoRoot';
import { envelopePath, eventEnvelope, send } from './localHttp';

/** Every call is bounded: a hung server fails the test instead of the suite. */
const timeout = 30_000;
const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const cartEventId = '0123456789abcdef0123456789abcdef';

/** Its `bin` (the package exports no path to it). */
const serverEntry = join(findRepoRoot(), 'node_modules', '@sentry', 'mcp-server', 'dist', 'index.js');

function textOf(result: unknown): string {
  return (result as { content: Array<{ text?: string }> }).content.map((part) => part.text ?? '').join('');
}

describe('@sentry/mcp-server against the local Sentry', () => {
  let server: LocalSentry;
  let home: string;
  let client: Client;
  /** The server's own tools beyond the first few are reached through its execute_sentry_tool. */
  const call = async (name: string, args: Record<string, unknown>): Promise<string> => {
    const direct = [
      'find_organizations',
      'find_projects',
      'search_issues',
      'search_events',
      'update_issue',
      'get_sentry_resource',
    ];
    const result = direct.includes(name)
      ? await client.callTool({ name, arguments: args }, undefined, { timeout })
      : await client.callTool({ name: 'execute_sentry_tool', arguments: { name, arguments: args } }, undefined, {
          timeout,
        });
    const text = textOf(result);
    assert.notEqual((result as { isError?: boolean }).isError, true, `${name}: ${text}`);
    return text;
  };

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'sentry-mcp-home-'));
    server = await startLocalSentry({ storeDirectory: join(home, 'store') });
    const frame = { filename: 'src/cart.js', function: 'add', lineno: 2, colno: 3, in_app: true };
    const events = [
      {
        event_id: cartEventId,
        release: 'shop@1.0.0',
        environment: 'production',
        request: { url: 'http://localhost/cart', headers: { 'User-Agent': chrome } },
        exception: { values: [{ type: 'TypeError', value: 'no price', stacktrace: { frames: [frame] } }] },
      },
      {
        release: 'shop@1.1.0',
        environment: 'production',
        exception: {
          values: [
            {
              type: 'RangeError',
              value: 'quantity out of range',
              stacktrace: { frames: [{ ...frame, function: 'setQuantity', lineno: 9 }] },
            },
          ],
        },
      },
    ];
    for (const event of events)
      assert.equal(
        (
          await send(server.port, {
            path: envelopePath('1'),
            body: eventEnvelope({ platform: 'javascript', ...event }),
          })
        ).status,
        200,
      );
    // No SENTRY_DSN: the server's own telemetry stays off, so nothing leaves this machine. A fresh HOME and cwd: no
    // cached login or .env is read.
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [serverEntry, `--access-token=${server.apiToken}`, `--host=127.0.0.1:${server.port}`, '--insecure-http'],
      env: { PATH: process.env.PATH ?? '', HOME: home },
      cwd: home,
      stderr: 'pipe',
    });
    client = new Client({ name: 'sentry-insight-test', version: '1.0.0' });
    await client.connect(transport, { timeout });
  });

  after(async () => {
    await client?.close();
    await server?.close();
    rmSync(home, { recursive: true, force: true });
  });

  test("who am I, the organization, its team and the project's DSN", async () => {
    assert.match(await call('whoami', {}), /"email": "local@localhost"/);
    assert.match(await call('find_organizations', {}), /"slug": "local"/);
    assert.match(await call('find_teams', { organizationSlug: 'local' }), /"slug": "local"/);
    const dsns = await call('find_dsns', { organizationSlug: 'local', projectSlug: 'project-1' });
    assert.ok(dsns.includes(`"dsn": "http://local@127.0.0.1:${server.port}/1"`), dsns);
  });

  test('issue search and details, with the browser and OS from the User-Agent, and tag values', async () => {
    const found = await call('search_issues', { organizationSlug: 'local', query: 'is:unresolved release:shop@1.0.0' });
    assert.match(found, /Found \*\*1\*\* issue/, found);
    assert.match(found, /TypeError: no price/);
    const shortId = /\[(PROJECT-1-\d+)\]/.exec(found)?.[1] ?? assert.fail(found);
    const details = await call('get_issue_details', { organizationSlug: 'local', issueId: shortId });
    assert.match(details, /\*\*Event ID\*\*: 0123456789abcdef0123456789abcdef/);
    assert.match(details, /src\/cart\.js:2:3 \(add\)/);
    assert.match(details, /\*\*browser\*\*: Chrome 120\.0\.0/);
    assert.match(details, /\*\*os\*\*: Windows 10/);
    assert.match(
      await call('get_issue_tag_values', { organizationSlug: 'local', issueId: shortId, tagKey: 'browser' }),
      /"value": "Chrome 120\.0\.0"/,
    );
  });

  test("an issue's events, and one event by its id", async () => {
    const shortId = server.store.issues().find((issue) => issue.facts.title.includes('no price'))?.shortNumber;
    assert.ok(shortId !== undefined);
    const events = await call('search_issue_events', { organizationSlug: 'local', issueId: `PROJECT-1-${shortId}` });
    assert.match(events, new RegExp(`\\*\\*eventID\\*\\*: ${cartEventId}`), events);
    const event = await call('get_sentry_resource', {
      url: `http://127.0.0.1:${server.port}/organizations/local/issues/PROJECT-1-${shortId}/events/${cartEventId}/`,
    });
    assert.match(event, new RegExp(`\\*\\*Event ID\\*\\*: ${cartEventId}`), event);
  });

  // Without an LLM key (none is in the server's environment) search_events runs no agent: the query goes to the events
  // endpoint as written, over the errors dataset's default fields sorted by -timestamp, after the validate endpoint.
  test('search_events finds stored events by a search, by words of their title, and counts them per issue', async () => {
    const byRelease = await call('search_events', {
      organizationSlug: 'local',
      dataset: 'errors',
      query: 'release:shop@1.0.0',
    });
    assert.match(byRelease, /Found 1 error:/, byRelease);
    assert.match(byRelease, /## TypeError: no price/);
    assert.match(byRelease, /\*\*Issue ID\*\*: PROJECT-1-\d+/);
    assert.match(byRelease, /\*\*level\*\*: error/);
    const byWords = await call('search_events', { organizationSlug: 'local', query: 'quantity out of range' });
    assert.match(byWords, /Found 1 error:/, byWords);
    assert.match(byWords, /## RangeError: quantity out of range/);
    const perIssue = await call('search_events', {
      organizationSlug: 'local',
      dataset: 'errors',
      fields: ['issue', 'count()'],
      sort: '-count()',
    });
    assert.match(perIssue, /Found 2 aggregate results:/, perIssue);
    assert.equal(perIssue.match(/"count\(\)": 1/g)?.length, 2, perIssue);
  });

  test('search_events with a field the local Sentry does not answer says which, as a failed validation', async () => {
    const result = await client.callTool(
      {
        name: 'search_events',
        arguments: {
          organizationSlug: 'local',
          dataset: 'errors',
          fields: ['transaction.duration'],
          sort: '-timestamp',
        },
      },
      undefined,
      { timeout },
    );
    assert.equal((result as { isError?: boolean }).isError, true);
    assert.match(textOf(result), /Unknown field: transaction\.duration/);
  });

  test('releases: found by part of the version, detailed, and their issues found by the search the details advise', async () => {
    const releases = await call('find_releases', { organizationSlug: 'local', query: 'shop@1.1' });
    assert.match(releases, /"version": "shop@1\.1\.0"/);
    assert.doesNotMatch(releases, /"version": "shop@1\.0\.0"/);
    const details = await call('get_release_details', { organizationSlug: 'local', releaseVersion: 'shop@1.1.0' });
    assert.match(details, /\*\*Short Version\*\*: shop@1\.1\.0/);
    assert.match(details, /\*\*New Issues\*\*: 1/);
    const advised = /query `(release:[^`]+)`/.exec(details)?.[1] ?? assert.fail(details);
    assert.match(
      await call('search_issues', { organizationSlug: 'local', query: advised }),
      /RangeError: quantity out of range/,
    );
  });

  test('update_issue resolves the issue on the server', async () => {
    const issue =
      server.store.issues().find((candidate) => candidate.facts.title.includes('quantity')) ?? assert.fail('no issue');
    await call('update_issue', {
      organizationSlug: 'local',
      issueId: `PROJECT-1-${issue.shortNumber}`,
      status: 'resolved',
    });
    assert.equal(server.store.issues().find((candidate) => candidate.id === issue.id)?.status, 'resolved');
  });
});
