// End to end, in one session over the fake Sentry's default scenario: the status bar, the hover card of a marked line,
// the issue panel opened from it (and its frame links), the Sentry view's issues and frames, and triage from the view
// and from the hover reaching the server as the right PUT. Steps that triage run last: they change the data.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lineOf, scenario, type FakeSentry } from '../../support/fakeSentry';
import { locatorTexts as texts, waitFor, type Session } from '../harness';
import { startScenarioSession } from './scenarioSession';
import { issueById, issuesTree, openIssuesOfRelease, sentryStatusBarItem } from './scenarioWorkspace';

const cart = 'src/cart.ts';
/** Issue 1001 raises on this line (`line.item.price`); 1002 raises on the RangeError line. */
const raisingLine = lineOf(cart, 'line.item.price');
const rangeErrorLine = lineOf(cart, "throw new RangeError('Invalid quantity')");
const issuePath = (id: string): string => `/api/0/organizations/${scenario.org}/issues/${id}/`;

describe('Sentry surfaces in a real VS Code', () => {
  let fake: FakeSentry;
  let session: Session;
  let typeError: { id: string; shortId: string; title: string };

  before(async () => {
    ({ fake, session } = await startScenarioSession('surfaces', cart, raisingLine));
    typeError = issueById(fake.data, '1001');
  });

  after(async () => {
    await session?.stop();
    await fake?.close();
  });

  test('the status bar names the release and counts its open issues', () =>
    session.step('status-bar', async () => {
      const open = openIssuesOfRelease(fake.data).length;
      const item = await waitFor(async () => session.workbench.statusBarItem(sentryStatusBarItem), {
        what: 'the Sentry status bar item',
        timeoutMs: 20_000,
      });
      assert.equal(item.text, `${scenario.releases.v120} · ${open}`);
      assert.equal(item.accessibleName, `Sentry: ${scenario.releases.v120} · ${open}`);
      // The editor alone, with its marks and the status bar: the README's first picture.
      await session.workbench.runCommand('View: Close Primary Side Bar');
      await session.workbench.screenshot('editor');
    }));

  test('the hover of the raising line shows the issue card with its actions', () =>
    session.step('hover', async () => {
      const { workbench } = session;
      await workbench.openFile(cart);
      await workbench.goToLine(raisingLine);
      const hover = await workbench.showHover(typeError.shortId);
      const text = await hover.innerText();
      assert.ok(text.includes(typeError.title), text);
      assert.match(
        text,
        new RegExp(`${typeError.shortId} · error · ongoing · raised on this line · assigned to Jane Developer`),
      );
      // 25 production + 3 staging events of the release, from 9 + 1 users.
      assert.match(text, /28 events · 10 users/);
      const links = hover.locator('a');
      const found: Array<{ label: string; href: string | null }> = [];
      for (let index = 0; index < (await links.count()); index++) {
        found.push({
          label: (await links.nth(index).innerText()).trim(),
          href: await links.nth(index).getAttribute('data-href'),
        });
      }
      const args = encodeURIComponent(JSON.stringify([typeError.id]));
      assert.deepEqual(found, [
        { label: 'Open Details', href: `command:sentryInsight.showIssueDetails?${args}` },
        { label: 'Replay in Debugger', href: `command:sentryInsight.replayInDebugger?${args}` },
        { label: 'Explain with AI', href: `command:sentryInsight.explainWithAi?${args}` },
        { label: 'Fix with AI', href: `command:sentryInsight.fixWithAi?${args}` },
        { label: 'Open in Sentry', href: `command:sentryInsight.openInSentry?${args}` },
        { label: 'Resolve', href: `command:sentryInsight.resolve?${args}` },
        { label: 'Resolve in Next Release', href: `command:sentryInsight.resolveInNextRelease?${args}` },
        { label: 'Archive', href: `command:sentryInsight.archive?${args}` },
        { label: 'Assign to Me', href: `command:sentryInsight.assignToMe?${args}` },
        { label: 'Copy Link', href: `command:sentryInsight.copyLink?${args}` },
      ]);
      await workbench.screenshot('hover');
      await workbench.dismissHover();
    }));

  test("Open Details in the hover shows the issue panel with the latest event's stack trace", () =>
    session.step('panel', async () => {
      const { workbench } = session;
      await workbench.openFile(cart);
      await workbench.goToLine(raisingLine);
      const hover = await workbench.showHover(typeError.shortId);
      await hover.locator('a').filter({ hasText: 'Open Details' }).click();
      const panel = await workbench.webviewFrameShowing(typeError.title);
      await workbench.dismissHover();
      assert.equal((await panel.locator('[data-testid="issue-title"]').innerText()).trim(), typeError.title);
      assert.equal((await panel.locator('[data-testid="issue-short-id"]').innerText()).trim(), typeError.shortId);
      assert.equal((await panel.locator('[data-testid="exception-type"]').first().innerText()).trim(), 'TypeError');
      assert.match(
        await panel.locator('[data-testid="exception-value"]').first().innerText(),
        /Cannot read properties of undefined \(reading 'price'\)/,
      );
      // The event's in-app frames, raising frame first, each a link labelled with Sentry's file name and line:column.
      assert.deepEqual(await texts(panel.locator('[data-testid="frame-link"]')), [
        `./${cart}:${raisingLine}:3`,
        `./${cart}:${raisingLine}:3`,
        `./${cart}:${lineOf(cart, 'formatPrice(cartTotal())')}:3`,
        `./${cart}:${lineOf(cart, 'renderTotal();')}:3`,
        `./src/main.ts:${lineOf('src/main.ts', "addToCart('sku-1', 1)")}:3`,
      ]);
      assert.deepEqual((await texts(panel.locator('[data-testid="frame-function"]'))).slice(0, 2), [
        'Array.reduce',
        'cartTotal',
      ]);
      assert.match(await panel.locator('[data-testid="error-line"]').first().innerText(), /line\.item\.price/);
      // The scenario's event carries the breadcrumbs of Sentry's example event.
      assert.ok(
        (await panel.locator('[data-testid="breadcrumbs-table"] tbody tr').count()) > 0,
        'the breadcrumbs table has rows',
      );
      await workbench.screenshot('panel');
      await panel.locator('[data-testid="exception"]').first().scrollIntoViewIfNeeded();
      await workbench.screenshot('panel-stack');
    }));

  test("the panel shows each frame's local variables, nested values closed until opened, secrets scrubbed", () =>
    session.step('panel-variables', async () => {
      const { workbench } = session;
      const panel = await workbench.webviewFrameShowing(typeError.title);
      // The raising frame opens by itself, with its source lines and its variables.
      const raising = panel.locator('[data-testid="frame-row"]').first();
      const table = raising.locator('[data-testid="frame-variables"]');
      assert.deepEqual(await texts(table.locator('[data-testid="variable-name"]')), ['sum', 'line']);
      await table.locator('button[aria-label="Open line"]').click();
      assert.deepEqual(await texts(table.locator('[data-testid="variable-name"]')), ['sum', 'line', 'sku', 'quantity']);
      assert.deepEqual(await texts(table.locator('[data-testid="variable-value"]')), [
        '12.5',
        '{2 keys}',
        'sku-9',
        '2',
      ]);
      // The caller's frame: its token never reaches the page.
      const caller = panel.locator('[data-testid="frame-row"]').nth(1);
      await caller.locator('button.frame-toggle').click();
      const callerTable = caller.locator('[data-testid="frame-variables"]');
      assert.deepEqual(await texts(callerTable.locator('[data-testid="variable-value"]')), ['[2 items]', '[Filtered]']);
      assert.ok(!(await panel.locator('body').innerText()).includes('tok_live_4242'), 'the token is not on the page');
      await callerTable.scrollIntoViewIfNeeded();
      await workbench.screenshot('panel-variables');
    }));

  test('a frame link in the panel opens its file at its line', () =>
    session.step('panel-frame', async () => {
      const { workbench } = session;
      const panel = await workbench.webviewFrameShowing(typeError.title);
      const callerLine = lineOf('src/main.ts', "addToCart('sku-1', 1)");
      await panel
        .locator('[data-testid="frame-link"]')
        .filter({ hasText: `src/main.ts:${callerLine}` })
        .first()
        .click();
      await workbench.waitForActiveEditorAt('main.ts', callerLine);
    }));

  test('Show Issue Details opens the issue of the cursor line, and asks among all issues only on a line without one', () =>
    session.step('show-at-cursor', async () => {
      const { workbench } = session;
      const rangeError = issueById(fake.data, '1002');
      await workbench.runCommand('View: Close All Editor Groups');
      await workbench.openFile(cart);
      await workbench.goToLine(rangeErrorLine);
      // No picker: the line has one issue, and the command opens it.
      await workbench.runCommand('Sentry: Show Issue Details');
      const panel = await workbench.webviewFrameShowing(rangeError.title);
      assert.equal((await panel.locator('[data-testid="issue-short-id"]').innerText()).trim(), rangeError.shortId);
      await workbench.screenshot('show-at-cursor');
      await workbench.runCommand('View: Close All Editor Groups');
      await workbench.openFile(cart);
      await workbench.goToLine(1);
      await workbench.runCommandAndChoose(
        'Sentry: Show Issue Details',
        new RegExp(`${typeError.shortId} · \\d+ events`),
      );
      await workbench.webviewFrameShowing(typeError.title);
      await workbench.runCommand('View: Close All Editor Groups');
    }));

  test('the Sentry view lists the open issues of the release and opens a frame at its line', () =>
    session.step('tree', async () => {
      const { workbench } = session;
      // One editor group (the panel's is closed) and a side bar wide enough for the titles, for the screenshot.
      await workbench.runCommand('View: Close All Editor Groups');
      await workbench.openFile(cart);
      await workbench.runCommand('Sentry: Focus on Issues View');
      await workbench.setSideBarWidth(460);
      const expected = openIssuesOfRelease(fake.data);
      const isIssue = (label: string): boolean => /^SHOP-WEB-\w+: /.test(label);
      const rows = await workbench.waitForTreeRows(
        issuesTree,
        (found) => found.filter((row) => isIssue(row.label)).length === expected.length,
        'the issue rows',
      );
      assert.deepEqual([rows[0]?.name, rows[0]?.description], [scenario.releases.v120, 'release setting']);
      for (const open of expected) {
        const row = rows.find((candidate) => candidate.label.startsWith(`${open.shortId}: `));
        assert.equal(row?.name, open.title, `the row of ${open.shortId} in ${JSON.stringify(rows)}`);
      }

      await workbench.treeRow(issuesTree, `${typeError.shortId}:`).locator('.monaco-tl-twistie').click();
      const frames = await workbench.waitForTreeRows(
        issuesTree,
        (found) => found.some((row) => row.level === 2),
        'the frames of the expanded issue',
      );
      const callerLine = lineOf(cart, 'renderTotal();');
      assert.deepEqual(
        frames.filter((row) => row.level === 2).map((row) => `${row.name} ${row.description}`),
        [
          `${cart}:${raisingLine} raised here`,
          `${cart}:${callerLine} caller`,
          `${cart}:${lineOf(cart, 'formatPrice(cartTotal())')} caller`,
          `src/main.ts:${lineOf('src/main.ts', "addToCart('sku-1', 1)")} caller`,
        ],
      );
      await workbench.screenshot('tree');
      await workbench.treeRow(issuesTree, `${session.workspaceFolder}/${cart}:${callerLine}`).click();
      await workbench.waitForActiveEditorAt('cart.ts', callerLine);
    }));

  test("Resolve in the Sentry view's context menu sends the resolving PUT", () =>
    session.step('tree-resolve', async () => {
      const { workbench } = session;
      const regressed = issueById(fake.data, '1004');
      await workbench.contextMenuPick(workbench.treeRow(issuesTree, `${regressed.shortId}:`), 'Resolve');
      await waitFor(
        async () => (fake.issueUpdates.some((update) => update.issueId === regressed.id) ? true : undefined),
        {
          what: `a PUT of issue ${regressed.id}`,
          timeoutMs: 20_000,
        },
      );
      const puts = fake.requests.filter((request) => request.method === 'PUT');
      assert.deepEqual(
        puts.map((request) => [request.path, request.json]),
        [[issuePath(regressed.id), { status: 'resolved', statusDetails: {} }]],
      );
      await workbench.waitForTreeRows(
        issuesTree,
        (rows) =>
          rows.some((row) => row.label.startsWith(`${regressed.shortId}:`) && row.description.endsWith('· resolved')),
        'the issue row to say resolved',
      );
    }));

  test('Resolve in the hover sends the resolving PUT and the mark leaves the line', () =>
    session.step('hover-resolve', async () => {
      const { workbench } = session;
      const before = fake.issueUpdates.length;
      await workbench.openFile(cart);
      await workbench.goToLine(raisingLine);
      const hover = await workbench.showHover(typeError.shortId);
      await hover
        .locator('a')
        .filter({ hasText: /^\s*Resolve\s*$/ })
        .click();
      await waitFor(async () => (fake.issueUpdates.length > before ? true : undefined), {
        what: `a PUT of issue ${typeError.id}`,
        timeoutMs: 20_000,
      });
      assert.deepEqual(fake.issueUpdates.slice(before), [
        { issueId: typeError.id, body: { status: 'resolved', statusDetails: {} } },
      ]);
      const put = fake.requests.filter((request) => request.method === 'PUT').at(-1);
      assert.equal(put?.path, issuePath(typeError.id));
      assert.equal(put?.body, '{"status":"resolved","statusDetails":{}}');
      await workbench.page.keyboard.press('Escape');
      // The RangeError mark stays: the marks are still drawn, only the resolved issue's left.
      const marks = await workbench.waitForAfterLineDecorations(
        (found) =>
          !found.some((mark) => mark.text.includes('TypeError: Cannot read')) &&
          found.some((mark) => mark.line === rangeErrorLine),
        `the mark of ${typeError.shortId} to leave line ${raisingLine}`,
      );
      assert.ok(!marks.some((mark) => mark.line === raisingLine), JSON.stringify(marks));
      const open = openIssuesOfRelease(fake.data).length;
      const item = await workbench.statusBarItem(sentryStatusBarItem);
      assert.equal(item?.text, `${scenario.releases.v120} · ${open}`);
      await workbench.screenshot('resolved');
    }));
});
