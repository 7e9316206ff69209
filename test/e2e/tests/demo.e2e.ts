// End to end, issue 5's proof over the demo's own app: VS Code opens examples/shop, which has no Sentry configuration,
// so the extension starts its local Sentry; the shop (the real @sentry/node SDK, bundled with a source map) sends its
// errors to the local DSN, and the mark appears on the original TypeScript line in the open editor, then counts up
// when the shop runs again; an alert tells of the new issues.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot, waitFor, withSession, type LineDecoration } from '../harness';
import { freePort } from '../harness/codeServer';

const shop = join(repoRoot(), 'examples', 'shop');
const cart = 'src/cart.ts';
/** examples/shop/src/cart.ts raises its TypeError on this line (the bundle's frames map back to it). */
const raisingLine = lineOf(cart, 'product!.priceCents');

function lineOf(file: string, code: string): number {
  const index = readFileSync(join(shop, file), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(code));
  assert.ok(index >= 0, `${file} no longer contains ${code}`);
  return index + 1;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const answer = (value: boolean): void => {
      socket.destroy();
      resolve(value);
    };
    socket.once('connect', () => answer(true));
    socket.once('error', () => answer(false));
  });
}

/** Builds and runs the shop once (examples/shop/run.mjs) with `dsn`; resolves with its exit code and output, bounded to 60 s. */
function runShop(dsn: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(shop, 'run.mjs')], {
      cwd: shop,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', SENTRY_DSN: dsn },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function markOnRaisingLine(marks: LineDecoration[], text: RegExp): LineDecoration | undefined {
  return marks.find((mark) => mark.line === raisingLine && text.test(mark.text));
}

test("the shop's errors sent to the local DSN mark the line that raised them in the open editor, and count up live", async () => {
  // Not the default 8963: a demo or `sentry-insight serve` running on this machine must not receive the test's events.
  const localPort = await freePort();
  const dsn = `http://local@127.0.0.1:${localPort}/1`;
  await withSession(
    {
      testName: 'demo',
      workspace: { folder: shop },
      // Alerts on (the harness turns them off): the shop's new issues must raise one, as real Sentry's would.
      settings: {
        'sentryInsight.local.port': localPort,
        'remote.autoForwardPorts': false,
        'sentryInsight.alerts.enabled': true,
      },
    },
    async ({ workbench }) => {
      await workbench.openFile(cart);
      await waitFor(async () => ((await listening(localPort)) ? true : undefined), {
        what: `the extension to start its local Sentry on 127.0.0.1:${localPort} (sentryInsight.local.port) for a workspace without Sentry configuration`,
        timeoutMs: 60_000,
        intervalMs: 500,
      });

      const first = await runShop(dsn);
      assert.equal(first.code, 0, first.output);
      // Three visits of two customers hit the TypeError (examples/shop/src/app.ts).
      const marks = await workbench.waitForAfterLineDecorations(
        (found) => markOnRaisingLine(found, /^✖ 3 events · 2 users/) !== undefined,
        `the mark "✖ 3 events · 2 users" after ${cart}:${raisingLine}, where the shop's TypeError was raised`,
      );
      assert.match(
        markOnRaisingLine(marks, /./)?.text ?? '',
        /^✖ 3 events · 2 users · TypeError: Cannot read properties of undefined/,
        JSON.stringify(marks),
      );
      await workbench.screenshot('marked');
      // The issues are new in the shop's release (package.json's shop@1.0.0, which its events carry) and raised in
      // this workspace: an alert says so, summed up when several arrive together.
      const alert = await waitFor(
        async () => (await workbench.notificationTexts()).find((text) => /touch(es|ing) this workspace/.test(text)),
        {
          what: 'an alert about the new issues of shop@1.0.0 touching this workspace',
          timeoutMs: 30_000,
        },
      );
      assert.match(alert, /shop@1\.0\.0/);
      // The local Sentry has no web pages: the alert offers the panel and Mute, not a browser page that is not there.
      const actions = await workbench.page.locator('.notification-toast .monaco-button').allInnerTexts();
      assert.deepEqual(actions.map((text) => text.trim()).filter(Boolean), ['Show', 'Mute']);
      await workbench.screenshot('alert');
      // Show asks which of the alerted issues to open, then opens its panel.
      await workbench.page
        .locator('.notification-toast .monaco-button')
        .filter({ hasText: /^Show$/ })
        .first()
        .click();
      await workbench.chooseInOpenQuickPick(/TypeError: Cannot read properties of undefined/);
      const panel = await workbench.webviewFrameShowing("reading 'priceCents'");
      assert.equal(
        await panel.locator('[data-testid="open-in-sentry"]').count(),
        0,
        'the local Sentry has no page to open',
      );
      await workbench.screenshot('alert-shown');
      await workbench.runCommand('View: Close All Editors');
      await workbench.openFile(cart);

      const second = await runShop(dsn);
      assert.equal(second.code, 0, second.output);
      await workbench.waitForAfterLineDecorations(
        (found) => markOnRaisingLine(found, /^✖ 6 events · 2 users/) !== undefined,
        `the mark after ${cart}:${raisingLine} to count the second run's events ("✖ 6 events · 2 users") without a refresh`,
      );
    },
  );
});
