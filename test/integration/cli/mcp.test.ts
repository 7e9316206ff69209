// Drives the built `sentry-insight mcp` over stdio with the MCP SDK's own client against a fake Sentry and a workspace
// of its sources: the tool list, each tool's answer, scrubbing, the size cap, and triage and assignment reaching the server.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  DEFAULT_TOKEN,
  defaultScenario,
  lineOf,
  scenario,
  scenarioSources,
  startFakeSentry,
  type FakeSentry,
} from '../../support/fakeSentry';
import { writeWorkspace } from '../../support/workspaceDir';
import { cliPath, emptyHome, runCli } from './cliRun';

const { org, releases, members } = scenario;
const web = scenario.projects.web.slug;
const secret = 'Bearer sk_live_51Hd3xSecretValue';
/** Every request of these tests is bounded: a hung server fails the test instead of the suite. */
const timeout = 20_000;

interface TextAnswer {
  content: Array<{ type: string; text?: string }>;
  isError?: boolean;
}

function textOf(result: unknown): string {
  return (result as TextAnswer).content.map((part) => part.text ?? '').join('');
}

describe('sentry-insight mcp', () => {
  let fake: FakeSentry;
  let workspace: string;
  let client: Client;

  before(async () => {
    const data = defaultScenario();
    const cart = data.issues.find((issue) => issue.id === '1001');
    const thrown = cart?.events[0]?.exceptions.at(-1);
    assert.ok(thrown, 'the scenario has the cart issue');
    thrown.value = `${thrown.value} (request sent with Authorization: ${secret})`;
    // Twenty long causes: far more than the context's cap.
    const quantity = data.issues.find((issue) => issue.id === '1002')?.events[0];
    assert.ok(quantity);
    const base = quantity.exceptions[0];
    assert.ok(base);
    quantity.exceptions = Array.from({ length: 20 }, (_, index) => ({
      ...base,
      value: `cause ${index} ${'x'.repeat(3000)}`,
    }));
    fake = await startFakeSentry({ data });
    workspace = writeWorkspace();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [
        cliPath,
        'mcp',
        '--url',
        fake.url,
        '--org',
        org,
        '--project',
        web,
        '--release',
        releases.v120,
        '--workspace',
        workspace,
      ],
      env: { PATH: process.env.PATH ?? '', HOME: emptyHome, SENTRY_AUTH_TOKEN: DEFAULT_TOKEN },
      stderr: 'pipe',
    });
    client = new Client({ name: 'sentry-insight-test', version: '1.0.0' });
    await client.connect(transport, { timeout });
  });

  after(async () => {
    await client.close();
    await fake.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('lists its tools, triage marked destructive', async () => {
    const { tools } = await client.listTools(undefined, { timeout });
    assert.deepEqual(tools.map((tool) => tool.name).sort(), [
      'archive_issue',
      'assign_issue',
      'compare_releases',
      'issue_context',
      'list_issues',
      'resolve_issue',
    ]);
    for (const tool of tools) assert.ok((tool.description ?? '').length > 80, `${tool.name} is described for a model`);
    const destructive = tools
      .filter((tool) => tool.annotations?.destructiveHint === true)
      .map((tool) => tool.name)
      .sort();
    assert.deepEqual(destructive, ['archive_issue', 'assign_issue', 'resolve_issue']);
    const readOnly = tools
      .filter((tool) => tool.annotations?.readOnlyHint === true)
      .map((tool) => tool.name)
      .sort();
    assert.deepEqual(readOnly, ['compare_releases', 'issue_context', 'list_issues']);
  });

  test('compare_releases lists what is new in the release against the one before it', async () => {
    const text = textOf(await client.callTool({ name: 'compare_releases', arguments: {} }, undefined, { timeout }));
    assert.match(
      text,
      new RegExp(
        `^Release ${releases.v120.replace(/[.+]/g, '\\$&')} compared with ${releases.v110.replace(/\./g, '\\.')}: \\d+ new, \\d+ regressed, \\d+ gone\\.`,
      ),
    );
    const newSection = text.slice(text.indexOf('## New in'), text.indexOf('## Regressed in'));
    assert.match(newSection, /\(id 1002\) · error · unresolved · /, text);
    assert.ok(!newSection.includes('(id 1001)'), 'the carried issue is not new');
    const older = textOf(
      await client.callTool({ name: 'compare_releases', arguments: { base: releases.v100 } }, undefined, { timeout }),
    );
    assert.match(older, new RegExp(`compared with ${releases.v100.replace(/\./g, '\\.')}:`));
  });

  test("list_issues names the release's issues with their workspace lines, and filters them", async () => {
    const all = textOf(await client.callTool({ name: 'list_issues', arguments: {} }, undefined, { timeout }));
    assert.match(all, /release shop@1\.2\.0\+45 \(from option\)/);
    const cartLine = lineOf('src/cart.ts', 'line.item.price');
    assert.match(
      all,
      new RegExp(
        `\\(id 1001\\) · error · .* · 28 events, 10 users\\n  TypeError: .*\\n  raised at src/cart\\.ts:${cartLine}\\n  called from .*src/main\\.ts:${lineOf('src/main.ts', "addToCart('sku-1', 1)")}`,
      ),
    );
    assert.ok(!all.includes('(id 1003)'), 'the resolved issue is not listed');
    assert.ok(!all.includes(secret), 'the title is scrubbed');

    const ranged = textOf(
      await client.callTool({ name: 'list_issues', arguments: { text: 'invalid quantity' } }, undefined, { timeout }),
    );
    assert.match(ranged, /\(id 1002\)/);
    assert.ok(!ranged.includes('(id 1001)'), ranged);
    const fresh = textOf(
      await client.callTool({ name: 'list_issues', arguments: { story: 'new', file: 'cart' } }, undefined, { timeout }),
    );
    assert.match(fresh, /\(id 1002\) · error · new in this release/);
    assert.ok(!fresh.includes('(id 1001)'), fresh);
    const carried = textOf(
      await client.callTool(
        { name: 'list_issues', arguments: { file: 'src/main.ts', level: 'error', story: 'carried' } },
        undefined,
        { timeout },
      ),
    );
    assert.match(carried, /\(id 1001\)/);
    assert.ok(!carried.includes('(id 1002)'), carried);
    const none = textOf(
      await client.callTool({ name: 'list_issues', arguments: { level: 'fatal' } }, undefined, { timeout }),
    );
    assert.match(none, /^0 of the \d+ unresolved issues .* match level="fatal"/);
  });

  test('issue_context grounds the frames in the workspace, scrubbed', async () => {
    const text = textOf(
      await client.callTool({ name: 'issue_context', arguments: { issue: '1001' } }, undefined, { timeout }),
    );
    const line = lineOf('src/cart.ts', 'line.item.price');
    assert.match(text, /^# \S+ \(id 1001\): TypeError/);
    assert.match(
      text,
      /## Exception \(thrown\): TypeError: Cannot read properties of undefined \(reading 'price'\) \(request sent with Authorization: Bearer \[Filtered\]\)/,
    );
    assert.match(text, new RegExp(`Array\\.reduce at workspace file src/cart\\.ts:${line}\\n`));
    // Today's source around the line, the line itself marked.
    const source = (scenarioSources['src/cart.ts'] as string).split('\n');
    assert.ok(text.includes(`> ${line} | ${source[line - 1]}`), text);
    assert.ok(text.includes(`${line - 1} | ${source[line - 2]}`), 'the line before it');
    // Innermost frame first: the raising frame comes before its caller in main.ts.
    assert.ok(text.indexOf(`src/cart.ts:${line}`) < text.indexOf('src/main.ts:'), 'frames innermost first');
    assert.ok(!text.includes('sk_live'), 'the secret is filtered');
    assert.ok(Buffer.byteLength(text) <= 24_000);
    // The variables the SDK recorded in the raising frame, nested values indented under their parent.
    assert.match(text, /Local variables when it raised:\n\s+sum = 12\.5\n\s+line = \{2 keys\}\n\s+sku = sku-9/);
  });

  test('issue_context caps a huge issue and says what it cut', async () => {
    const text = textOf(
      await client.callTool({ name: 'issue_context', arguments: { issue: '1002' } }, undefined, { timeout }),
    );
    assert.ok(Buffer.byteLength(text) <= 24_000, `${Buffer.byteLength(text)} bytes`);
    assert.match(text, /\[Cut to stay within 24000 bytes \(\d+ in full\): .*exception \d+.* left out\./);
    assert.match(text, /## Exception \(thrown\): RangeError: cause 19 x+/, 'the thrown exception is kept');
  });

  test('issue_context takes the short id list_issues shows', async () => {
    const listed = textOf(
      await client.callTool({ name: 'list_issues', arguments: { text: 'invalid quantity' } }, undefined, { timeout }),
    );
    const shortId = /^(\S+) \(id 1002\)/m.exec(listed)?.[1];
    assert.ok(shortId, listed);
    const text = textOf(
      await client.callTool({ name: 'issue_context', arguments: { issue: shortId.toLowerCase() } }, undefined, {
        timeout,
      }),
    );
    assert.match(text, new RegExp(`^# ${shortId} \\(id 1002\\)`));
  });

  test('exits, printing nothing, when its client closes stdin', async () => {
    // runCli gives the child no stdin: the server must stop instead of holding the editor's process list forever.
    const run = await runCli(['mcp', '--url', fake.url, '--org', org, '--project', web, '--workspace', workspace], {
      SENTRY_AUTH_TOKEN: DEFAULT_TOKEN,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
  });

  test('an unknown issue answers an error the model can read', async () => {
    const result = (await client.callTool({ name: 'issue_context', arguments: { issue: '999999' } }, undefined, {
      timeout,
    })) as TextAnswer;
    assert.equal(result.isError, true);
    assert.match(textOf(result), /Sentry could not answer: .*999999/);
  });

  test('a configuration problem stops it at start with one line and exit 2, before any protocol', async () => {
    const run = await runCli(['mcp', '--url', fake.url, '--project', web, '--workspace', workspace], {
      SENTRY_AUTH_TOKEN: DEFAULT_TOKEN,
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^sentry-insight: No Sentry organization: pass --org/m);
    assert.equal(run.stdout, '');
  });

  test('resolve_issue, archive_issue and assign_issue reach the server', async () => {
    const resolved = textOf(
      await client.callTool({ name: 'resolve_issue', arguments: { issue: '1002' } }, undefined, { timeout }),
    );
    assert.match(resolved, /\(id 1002\) is now resolved/);
    const archived = textOf(
      await client.callTool({ name: 'archive_issue', arguments: { issue: '1001' } }, undefined, { timeout }),
    );
    assert.match(archived, /\(id 1001\) is now archived/);
    const toJane = textOf(
      await client.callTool(
        { name: 'assign_issue', arguments: { issue: '1001', assignee: 'JANE@example.com' } },
        undefined,
        { timeout },
      ),
    );
    assert.match(toJane, /\(id 1001\) is now assigned to Jane Developer <jane@example\.com>\./);
    const toMe = textOf(
      await client.callTool({ name: 'assign_issue', arguments: { issue: '1002', assignee: 'me' } }, undefined, {
        timeout,
      }),
    );
    assert.match(toMe, /\(id 1002\) is now assigned to you\./);
    const updates = fake.issueUpdates.map((update) => ({
      issueId: update.issueId,
      ...(update.body as { status?: unknown; assignedTo?: unknown }),
    }));
    assert.deepEqual(
      updates.map(({ issueId, status, assignedTo }) => ({ issueId, status, assignedTo })),
      [
        { issueId: '1002', status: 'resolved', assignedTo: undefined },
        { issueId: '1001', status: 'ignored', assignedTo: undefined },
        { issueId: '1001', status: undefined, assignedTo: `user:${members.jane.userId}` },
        { issueId: '1002', status: undefined, assignedTo: `user:${members.penguin.userId}` },
      ],
    );
  });

  test('assign_issue names the members when nobody fits, and changes nothing', async () => {
    const before = fake.issueUpdates.length;
    const result = (await client.callTool(
      { name: 'assign_issue', arguments: { issue: '1001', assignee: 'nobody@example.com' } },
      undefined,
      { timeout },
    )) as TextAnswer;
    assert.equal(result.isError, true);
    assert.match(
      textOf(result),
      /No member "nobody@example\.com" in the organization\. Members: .*Jane Developer <jane@example\.com>/,
    );
    assert.equal(fake.issueUpdates.length, before);
  });
});
