// End to end: an issue title made of HTML and a Markdown command link, as anyone who can send an event to the project
// can make it, shows as literal text in the line mark, the hover, the Sentry view and the issue panel; nothing in it
// becomes an element, a link or a script.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultScenario, lineOf, startFakeSentry, type FakeSentryData } from '../../support/fakeSentry';
import { withSession, type Locator } from '../harness';
import { issueById, issuesTree, scenarioWorkspace } from './scenarioWorkspace';

// `$(alert)` would be a theme icon in a hover or a picker, where VS Code renders `$(name)` after Markdown.
const hostile = '<img src=x onerror=alert(1)>[x](command:workbench.action.quit) $(alert)';
const cart = 'src/cart.ts';
const rangeErrorLine = lineOf(cart, "throw new RangeError('Invalid quantity')");

/** The default scenario with issue 1002 (raised on the RangeError line) titled, and its exception valued, `hostile`. */
function hostileScenario(): FakeSentryData {
  const data = defaultScenario();
  const target = issueById(data, '1002');
  target.title = hostile;
  target.metadata = { ...target.metadata, value: hostile };
  for (const event of target.events) for (const exception of event.exceptions) exception.value = hostile;
  return data;
}

async function attributeValues(links: Locator, name: string): Promise<Array<string | null>> {
  const values: Array<string | null> = [];
  for (let index = 0; index < (await links.count()); index++) values.push(await links.nth(index).getAttribute(name));
  return values;
}

test('a hostile issue title shows as literal text in the mark, hover, view and panel', async () => {
  const fake = await startFakeSentry({ data: hostileScenario() });
  const shortId = issueById(fake.data, '1002').shortId;
  try {
    await withSession(
      {
        testName: 'hostile',
        workspace: { files: scenarioWorkspace({ clircUrl: fake.url }) },
        viewport: { width: 1280, height: 800 },
      },
      async ({ workbench }) => {
        const dialogs: string[] = [];
        workbench.page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });

        await workbench.openFile(cart);
        // The first load may take most of a minute on a busy machine (a CI runner with two cores).
        const marks = await workbench.waitForAfterLineDecorations(
          (found) => found.some((mark) => mark.line === rangeErrorLine),
          `the mark on line ${rangeErrorLine}`,
          60_000,
        );
        // The mark shortens long titles with an ellipsis: what it shows is the literal title's start.
        const shown = marks.find((mark) => mark.line === rangeErrorLine)?.text ?? '';
        assert.ok(`✖ 8 events · 5 users · ${hostile}`.startsWith(shown.replace(/…$/, '')), shown);
        assert.ok(shown.includes('<img src=x onerror=alert(1)>[x](command:'), shown);
        assert.equal(
          await workbench.page.locator('.part.editor .view-lines img').count(),
          0,
          'no image in the editor lines',
        );

        await workbench.goToLine(rangeErrorLine);
        const hover = await workbench.showHover(shortId);
        assert.ok((await hover.innerText()).includes(hostile), await hover.innerText());
        assert.equal(await hover.locator('img').count(), 0, 'no image in the hover');
        assert.equal(
          await hover.locator('.codicon-alert').count(),
          0,
          'no theme icon made from the title in the hover',
        );
        const hrefs = await attributeValues(hover.locator('a'), 'data-href');
        assert.deepEqual(
          hrefs.map((href) => /^command:(sentryInsight\.\w+)\?/.exec(href ?? '')?.[1]),
          [
            'showIssueDetails',
            'replayInDebugger',
            'explainWithAi',
            'fixWithAi',
            'openInSentry',
            'resolve',
            'resolveInNextRelease',
            'archive',
            'assignToMe',
            'copyLink',
          ].map((name) => `sentryInsight.${name}`),
          JSON.stringify(hrefs),
        );
        await workbench.screenshot('hover');

        await hover.locator('a').filter({ hasText: 'Open Details' }).click();
        const panel = await workbench.webviewFrameShowing(hostile);
        await workbench.dismissHover();
        assert.equal((await panel.locator('[data-testid="issue-title"]').innerText()).trim(), hostile);
        assert.ok((await panel.locator('[data-testid="exception-value"]').first().innerText()).includes(hostile));
        assert.equal(await panel.locator('img[src="x"]').count(), 0, 'no image made from the title in the panel');
        assert.equal(await panel.locator('[onerror]').count(), 0, 'no element with an onerror handler in the panel');
        assert.deepEqual(await attributeValues(panel.locator('a'), 'href'), [], 'the panel has no links');
        await workbench.screenshot('panel');

        await workbench.runCommand('Sentry: Focus on Issues View');
        const rows = await workbench.waitForTreeRows(
          issuesTree,
          (found) => found.some((row) => row.label.startsWith(`${shortId}: `)),
          `the row of ${shortId}`,
        );
        assert.equal(rows.find((row) => row.label.startsWith(`${shortId}: `))?.name, hostile);
        assert.deepEqual(dialogs, [], 'no dialog was opened by the page');
      },
    );
  } finally {
    await fake.close();
  }
});
