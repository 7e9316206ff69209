// Drives the built `sentry-insight mcp` over stdio with the MCP SDK's own client against the local Sentry, fed by the
// real @sentry/node SDK from a small app in a git checkout: the listed lines are where the app raised, the context
// shows today's source there with the commit that last changed it and no personal data, the release compares with
// nothing before it, and triage reaches the local server.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { startLocalSentry, type LocalSentry } from '../../../src/core/local/localSentry';
import { raisedLines, runSdkApp, sdkAppFiles, writeSdkWorkspace, type SdkWorkspace } from '../core/local/sdkApp';
import { cliPath, emptyHome } from './cliRun';

const project = '7';
/** Every request of these tests is bounded: a hung server fails the test instead of the suite. */
const timeout = 20_000;
const committed = Date.UTC(2026, 10, 1) / 1000;

function textOf(result: unknown): string {
  return (result as { content: Array<{ text?: string }> }).content.map((part) => part.text ?? '').join('');
}

/** The app's files and a CODEOWNERS committed by Jane Doe and tagged as the release, so git blame has a commit to name. */
function commitWorkspace(path: string): void {
  mkdirSync(join(path, '.github'));
  writeFileSync(join(path, '.github', 'CODEOWNERS'), '# Owners\nsrc/ @acme/checkout jane@example.com\n');
  const date = `${String(committed)} +0000`;
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Jane Doe',
    GIT_AUTHOR_EMAIL: 'jane@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: 'Jane Doe',
    GIT_COMMITTER_EMAIL: 'jane@example.com',
    GIT_COMMITTER_DATE: date,
  };
  const git = (args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args],
      { cwd: path, env, stdio: 'ignore' },
    );
  git(['init', '-q']);
  git(['add', '.']);
  git(['commit', '-q', '-m', 'Cart rules']);
  git(['tag', 'v1.2.3']);
}

describe('sentry-insight mcp on the local Sentry with real SDK events', () => {
  let workspace: SdkWorkspace;
  let storeDir: string;
  let server: LocalSentry;
  let client: Client;

  before(async () => {
    workspace = writeSdkWorkspace();
    commitWorkspace(workspace.path);
    storeDir = mkdtempSync(join(tmpdir(), 'mcp-local-store-'));
    server = await startLocalSentry({
      storeDirectory: storeDir,
      workspaceFolders: [{ name: 'shop', path: workspace.path }],
    });
    const run = await runSdkApp(workspace.path, server.dsn(project, 'anykey'));
    assert.match(run.stdout, /^flushed$/m, `the SDK delivered every event: ${run.stderr}`);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [
        cliPath,
        'mcp',
        '--url',
        server.url,
        '--org',
        'local',
        '--project',
        project,
        '--workspace',
        workspace.path,
      ],
      env: { PATH: process.env.PATH ?? '', HOME: emptyHome, SENTRY_AUTH_TOKEN: server.apiToken },
      stderr: 'pipe',
    });
    client = new Client({ name: 'sentry-insight-test', version: '1.0.0' });
    await client.connect(transport, { timeout });
  });

  after(async () => {
    await client.close();
    await server.close();
    workspace.remove();
    rmSync(storeDir, { recursive: true, force: true });
  });

  const call = async (name: string, args: Record<string, unknown> = {}) =>
    textOf(await client.callTool({ name, arguments: args }, undefined, { timeout }));

  test('list_issues names the lines the app raised at, in the release of its package.json', async () => {
    const text = await call('list_issues');
    assert.match(text, /^2 of the 2 unresolved issues of release shop@1\.2\.3 \(from package\.json\)/);
    assert.match(
      text,
      new RegExp(
        `· 3 events, 2 users\\n  TypeError: cart \\d is empty\\n  raised at src/cart\\.js:${raisedLines.cart}\\n`,
      ),
    );
    assert.match(
      text,
      new RegExp(
        `· 1 events?, 1 users?\\n  TypeError: order 9 has no address\\n  raised at src/orders\\.js:${raisedLines.orders}\\n`,
      ),
    );
  });

  test("issue_context shows today's source with its suspect commit and the event's tags, without the user", async () => {
    const listed = await call('list_issues', { file: 'cart.js' });
    const shortId = /^(\S+) \(id \d+\)/m.exec(listed)?.[1];
    assert.ok(shortId, listed);
    const text = await call('issue_context', { issue: shortId });
    assert.match(text, /## Exception \(thrown\): TypeError: cart \d is empty\nMechanism \S+/);
    const thrownLine = (sdkAppFiles['src/cart.js'].split('\n')[raisedLines.cart - 1] ?? '').trim();
    assert.match(
      text,
      new RegExp(
        `- computeTotal at workspace file src/cart\\.js:${raisedLines.cart}\\n(.*\\n)*    > ${raisedLines.cart} \\|\\s+${thrownLine.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`,
      ),
    );
    assert.match(
      text,
      /^Code owners of src\/cart\.js: @acme\/checkout, jane@example\.com \(\.github\/CODEOWNERS line 2\)\.$/m,
    );
    assert.match(
      text,
      /Suspect commit: this line was last changed in [0-9a-f]{7} by Jane Doe, just before shop@1\.2\.3: 'Cart rules'/,
    );
    assert.ok(text.indexOf('src/cart.js:') < text.indexOf('src/app.js:'), 'the raising frame before its caller');
    assert.match(text, /## Tags\n(.*\n)*environment: development/);
    const tags = text.slice(text.indexOf('## Tags'));
    assert.match(tags, /^user: \[hidden\]$/m);
    assert.ok(!/\bu[12]\b/.test(tags), `the user the app set is not given to the assistant: ${tags}`);
  });

  test('compare_releases says the release has nothing before it', async () => {
    const text = await call('compare_releases');
    assert.match(text, /^Release shop@1\.2\.3 compared with no earlier release: 2 new, 0 regressed, 0 gone\./);
  });

  test('resolve_issue and assign_issue reach the local server', async () => {
    const listed = await call('list_issues', { file: 'orders.js' });
    const shortId = /^(\S+) \(id \d+\)/m.exec(listed)?.[1];
    assert.ok(shortId, listed);
    assert.match(await call('assign_issue', { issue: shortId, assignee: 'me' }), /is now assigned to you\./);
    assert.match(await call('resolve_issue', { issue: shortId }), /is now resolved\./);
    const after = await call('list_issues');
    assert.match(after, /^1 of the 1 unresolved issues/);
    assert.ok(!after.includes(shortId), after);
  });
});
