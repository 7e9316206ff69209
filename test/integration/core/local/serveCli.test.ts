// `sentry-insight serve` from the built CLI (dist/cli.js): prints the DSN, prints each new issue with the workspace line
// it was raised at, and `sentry-insight scan --url` reads from it like from any Sentry.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ScanJson } from '../../../../src/cli/scanOutput';
import { findRepoRoot } from '../../../support/fakeSentry/repoRoot';
import { envelopePath, eventEnvelope, send } from './localHttp';
import { raisedLines, runSdkApp, writeSdkWorkspace, type SdkWorkspace } from './sdkApp';

const cli = join(findRepoRoot(), 'dist', 'cli.js');
const cleanEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env['PATH'] ?? '', HOME: tmpdir() });

/** Collects a child's stdout and resolves `waitFor` once a line matches, or rejects after `ms`. */
class OutputWatch {
  text = '';
  private waiters: Array<() => void> = [];

  constructor(child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => {
      this.text += chunk.toString();
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  async waitFor(pattern: RegExp, ms = 30_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + ms;
    for (;;) {
      const match = pattern.exec(this.text);
      if (match) return match;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no output matching ${pattern} in: ${this.text}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

function run(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('sentry-insight serve', () => {
  let workspace: SdkWorkspace;
  let storeDir: string;
  let serve: ChildProcessWithoutNullStreams;
  let output: OutputWatch;
  let url: string;
  let dsn: string;

  before(async () => {
    workspace = writeSdkWorkspace();
    storeDir = mkdtempSync(join(tmpdir(), 'local-serve-store-'));
    // Started from the workspace, outside the repository, as a user runs it from their project.
    serve = spawn(
      process.execPath,
      [cli, 'serve', '--port', '0', '--store', storeDir, '--workspace', workspace.path, '--project', '7'],
      { env: cleanEnv(), cwd: workspace.path },
    );
    output = new OutputWatch(serve);
    dsn = (await output.waitFor(/^DSN: (\S+)$/m))[1] ?? '';
    url = (await output.waitFor(/^Local Sentry listening on (\S+)$/m))[1] ?? '';
  });
  after(() => {
    if (serve.exitCode === null) serve.kill('SIGKILL');
    workspace.remove();
    rmSync(storeDir, { recursive: true, force: true });
  });

  test('prints a DSN on 127.0.0.1 for the project and the scan command to read it', () => {
    assert.match(dsn, /^http:\/\/local@127\.0\.0\.1:\d+\/7$/);
    assert.match(
      output.text,
      new RegExp(
        `^Read it with: node \\S+ scan --url ${url.replace(/[.]/g, '\\.')} --org local --project 7 --workspace \\S+$`,
        'm',
      ),
    );
  });

  test('prints each new issue once, with the file and line it was raised at', async () => {
    const app = await runSdkApp(workspace.path, dsn);
    assert.equal(app.code, 0, app.stderr);
    assert.match(app.stdout, /^flushed$/m, 'the SDK delivered every event');
    // The SDK sends the three cart errors at once: whichever arrives first names the issue.
    await output.waitFor(
      new RegExp(`^new \\S+ {2}src/cart\\.js:${raisedLines.cart} {2}TypeError: cart \\d+ is empty$`, 'm'),
    );
    await output.waitFor(
      new RegExp(`^new \\S+ {2}src/orders\\.js:${raisedLines.orders} {2}TypeError: order 9 has no address$`, 'm'),
    );
    assert.equal(output.text.match(/^new /gm)?.length, 2, 'three cart errors are one new issue');
  });

  test('scan --json reads the served issues and marks their lines', async () => {
    const scanned = await run([
      'scan',
      '--url',
      url,
      '--org',
      'local',
      '--project',
      '7',
      '--workspace',
      workspace.path,
      '--json',
    ]);
    assert.equal(scanned.code, 0, scanned.stderr);
    const result = JSON.parse(scanned.stdout) as ScanJson;
    assert.deepEqual(result.release, { version: 'shop@1.2.3', source: 'package.json' });
    const marks = result.annotations
      .filter((mark) => mark.role === 'raised')
      .map((mark) => [mark.file, mark.line, mark.count, mark.userCount]);
    assert.deepEqual(marks.sort(), [
      ['src/cart.js', raisedLines.cart, 3, 2],
      ['src/orders.js', raisedLines.orders, 1, 1],
    ]);
  });

  test('the scan command it prints runs as printed from the folder serve was started in', () => {
    const hint = /^Read it with: (.+)$/m.exec(output.text)?.[1] ?? '';
    const scanned = spawnSync('sh', ['-c', `${hint} --json`], {
      cwd: workspace.path,
      env: cleanEnv(),
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(scanned.status, 0, `${hint}: ${scanned.stderr}`);
    const marked = (JSON.parse(scanned.stdout) as ScanJson).annotations.map((mark) => mark.file);
    assert.ok(marked.includes('src/cart.js'), marked.join(', '));
  });

  test('an existing issue in a new release is announced as existing, not as new', async () => {
    const port = Number(new URL(url).port);
    const message = (release: string, n: number) => ({
      event_id: `abcdef${n}`.padEnd(32, '0'),
      message: 'Stock check failed for sku-9',
      level: 'error',
      platform: 'node',
      release,
    });
    for (const [release, n] of [
      ['probe@1', 1],
      ['probe@1', 2],
      ['probe@2', 3],
    ] as const) {
      const answer = await send(port, {
        path: envelopePath('7', 'local'),
        headers: { 'Content-Type': 'application/x-sentry-envelope' },
        body: eventEnvelope(message(release, n)),
      });
      assert.equal(answer.status, 200, answer.text);
    }
    await output.waitFor(
      /^existing \S+  \(not in the workspace\)  Stock check failed for sku-9  \(first seen in probe@2; known since probe@1\)$/m,
    );
    assert.equal(output.text.match(/^new .*Stock check failed/gm)?.length, 1, output.text);
  });

  test('stops cleanly on SIGINT', async () => {
    const exited = new Promise<number | null>((resolve) => serve.on('exit', (code) => resolve(code)));
    serve.kill('SIGINT');
    assert.equal(await exited, 0);
    assert.match(output.text, /Local Sentry stopped\./);
  });

  test('names the store, not the port, when the store file is a folder', async () => {
    const blocked = mkdtempSync(join(tmpdir(), 'local-serve-blocked-'));
    try {
      mkdirSync(join(blocked, 'local-sentry.jsonl'));
      const refused = await run(['serve', '--port', '0', '--store', blocked]);
      assert.equal(refused.code, 1);
      assert.match(
        refused.stderr,
        /local-sentry\.jsonl cannot be opened: it is a folder, not a file\. Move the folder away, or choose another store folder\. \(choose it with --store\)/,
      );
      assert.doesNotMatch(refused.stderr, /listen|port/);
    } finally {
      rmSync(blocked, { recursive: true, force: true });
    }
  });

  test('refuses a bad port with exit status 2', async () => {
    const bad = await run(['serve', '--port', 'eighty']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--port must be a number/);
  });

  test('refuses a store limit that is not a whole number within bounds with exit status 2', async () => {
    for (const [option, value] of [
      ['--max-events', '5'],
      ['--max-events-per-issue', 'many'],
      ['--max-store-mb', '0'],
    ]) {
      const bad = await run(['serve', '--port', '0', option as string, value as string]);
      assert.equal(bad.code, 2, `${option} ${value}`);
      assert.match(bad.stderr, new RegExp(`${option} must be a whole number from \\d+ to \\d+, not "${value}"`));
    }
  });

  test('keeps as many events per issue as --max-events-per-issue says, the newest, and counts them all', async () => {
    const store = mkdtempSync(join(tmpdir(), 'local-serve-limits-'));
    const limited = spawn(
      process.execPath,
      [cli, 'serve', '--port', '0', '--store', store, '--workspace', workspace.path, '--max-events-per-issue', '2'],
      { env: cleanEnv(), cwd: workspace.path },
    );
    try {
      const watch = new OutputWatch(limited);
      const port = Number((await watch.waitFor(/^Local Sentry listening on http:\/\/127\.0\.0\.1:(\d+)$/m))[1]);
      for (let run = 0; run < 5; run++) {
        const event = {
          event_id: `${'a'.repeat(31)}${run}`,
          platform: 'node',
          message: 'limited',
          timestamp: 1_700_000_000 + run,
        };
        assert.equal((await send(port, { path: envelopePath('1'), body: eventEnvelope(event) })).status, 200);
      }
      const issues = await fetch(`http://127.0.0.1:${port}/api/0/organizations/local/issues/?project=1&query=`);
      const [issue] = (await issues.json()) as Array<{ id: string; count: string }>;
      assert.equal(issue?.count, '5', 'the issue counts every event');
      const events = await fetch(`http://127.0.0.1:${port}/api/0/organizations/local/issues/${issue?.id}/events/`);
      const kept = (await events.json()) as Array<{ eventID: string }>;
      assert.deepEqual(kept.map((event) => event.eventID).sort(), [`${'a'.repeat(31)}3`, `${'a'.repeat(31)}4`]);
    } finally {
      limited.kill('SIGKILL');
      rmSync(store, { recursive: true, force: true });
    }
  });
});
