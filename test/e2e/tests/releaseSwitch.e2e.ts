// End to end, in one session over the fake Sentry's default scenario (releases shop@1.0.0, 1.1.0, 1.2.0+45): the hover
// tells each issue's release story, the marks can be narrowed to issues new in the release, the Compare Releases view
// lists what is new, regressed and gone, and switching the release through Sentry: Select Release re-annotates the
// open editor (and the comparison follows).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { defaultScenario, lineOf, scenario, startFakeSentry, type FakeSentry } from '../../support/fakeSentry';
import { startSession, type Session, type TreeRow } from '../harness';
import { readBodyText } from '../harness/inPage';
import { issueById, scenarioWorkspace, sentryStatusBarItem } from './scenarioWorkspace';

const cart = 'src/cart.ts';
/** Issue 1001 (first seen in 1.1.0, events in 1.1.0 and 1.2.0+45) raises here. */
const raisingLine = lineOf(cart, 'line.item.price');
/** Issue 1002 (only in 1.2.0+45: new there) raises here. */
const rangeErrorLine = lineOf(cart, "throw new RangeError('Invalid quantity')");
const comparisonTree = 'Compare Releases';
const { v100, v110, v120 } = scenario.releases;

describe('release tracking in a real VS Code', () => {
  let fake: FakeSentry;
  let session: Session;

  before(async () => {
    fake = await startFakeSentry({ data: defaultScenario() });
    session = await startSession({
      testName: 'release-switch',
      workspace: { files: scenarioWorkspace({ clircUrl: fake.url }) },
      viewport: { width: 1280, height: 800 },
    });
    await session.workbench.openFile(cart);
    await session.workbench.waitForAfterLineDecorations(
      (found) => found.some((mark) => mark.line === rangeErrorLine),
      `the marks of ${v120}`,
    );
  });

  after(async () => {
    await session?.stop();
    await fake?.close();
  });

  test('the hover tells whether an issue is new in the release or carried over from an earlier one', () =>
    session.step('story-hover', async () => {
      const { workbench } = session;
      const rangeError = issueById(fake.data, '1002');
      await workbench.goToLine(rangeErrorLine);
      const fresh = await workbench.showHover(rangeError.shortId);
      assert.match(await fresh.innerText(), new RegExp(`New in ${escape(v120)} · only seen in ${escape(v120)}`));
      await workbench.screenshot('hover-new');
      await workbench.dismissHover();

      const typeError = issueById(fake.data, '1001');
      await workbench.goToLine(raisingLine);
      const carried = await workbench.showHover(typeError.shortId);
      assert.match(
        await carried.innerText(),
        new RegExp(`Carried over from ${escape(v110)} · first seen in ${escape(v110)} · last seen in ${escape(v120)}`),
      );
      await workbench.dismissHover();
    }));

  test('the issue panel tells the story and counts the events per environment', () =>
    session.step('story-panel', async () => {
      const { workbench } = session;
      const typeError = issueById(fake.data, '1001');
      await workbench.goToLine(raisingLine);
      const hover = await workbench.showHover(typeError.shortId);
      await hover.locator('a').filter({ hasText: 'Open Details' }).click();
      const panel = await workbench.webviewFrameShowing(typeError.title);
      await workbench.dismissHover();
      assert.equal(
        (await panel.locator('[data-testid="issue-story"]').innerText()).trim(),
        `Carried over from ${v110}`,
      );
      // The scenario's 1001 has 40 + 25 production events and 3 staging ones.
      const environments = await panel.locator('[data-testid="impact-environment"]').allInnerTexts();
      assert.deepEqual(
        environments.map((text) => text.replace(/\s+/g, ' ').trim()),
        ['production 65 events (96%)', 'staging 3 events (4%)'],
      );
      await workbench.screenshot('panel');
      // Back to the code alone for the next steps.
      await workbench.runCommand('View: Close All Editor Groups');
      await workbench.openFile(cart);
    }));

  test('the marks can be narrowed to issues new in the release, and widened again', () =>
    session.step('new-only', async () => {
      const { workbench } = session;
      await workbench.runCommand('Sentry: Toggle Marks: New in This Release Only');
      // 1001 is carried over and 1004 regressed: only 1002's line keeps a mark in this file.
      const narrowed = await workbench.waitForAfterLineDecorations(
        (found) => found.length === 1 && found[0]?.line === rangeErrorLine,
        'only the mark of the issue new in the release',
      );
      assert.match(narrowed[0]?.text ?? '', /^✖ 8 events · 5 users · RangeError: Invalid quantity/);
      await workbench.screenshot('new-only');
      await workbench.runCommand('Sentry: Toggle Marks: New in This Release Only');
      await workbench.waitForAfterLineDecorations(
        (found) => found.some((mark) => mark.line === raisingLine),
        'every mark again',
      );
    }));

  test('Compare Releases lists what is new, regressed and gone since the release before', () =>
    session.step('compare', async () => {
      const { workbench } = session;
      await workbench.runCommandAndChoose('Sentry: Compare Releases', /The release before it/);
      await workbench.setSideBarWidth(520);
      // The Issues view above takes most of the side bar; collapsed, every comparison row is drawn (trees draw only
      // the rows in view).
      await workbench.page
        .locator('.pane-header')
        .filter({ hasText: /^Issues/ })
        .first()
        .click();
      const rows = await workbench.waitForTreeRows(
        comparisonTree,
        (found) => groupsOf(found).length === 3,
        'the three comparison groups',
      );
      assert.deepEqual([rows[0]?.name, rows[0]?.description], [v120, `compared with ${v110}`]);
      const groups = groupsOf(rows);
      assert.deepEqual(
        groups.map((group) => group.name),
        [`New in ${v120}`, `Regressed in ${v120}`, `Gone since ${v110}`],
      );
      // New: first seen in 1.2.0+45 (1002, 1005, 1008, 1009); regressed: 1004; gone: 1003 had events in 1.1.0 only.
      assert.deepEqual(
        shortIdsUnder(rows, groups[0]),
        ['1002', '1005', '1008', '1009'].map((id) => issueById(fake.data, id).shortId).sort(),
      );
      assert.deepEqual(shortIdsUnder(rows, groups[1]), [issueById(fake.data, '1004').shortId]);
      assert.deepEqual(shortIdsUnder(rows, groups[2]), [issueById(fake.data, '1003').shortId]);
      assert.match(groups[0]?.description ?? '', /^4 issues · /);
      assert.match(groups[1]?.description ?? '', /^1 issue · /);
      assert.match(groups[2]?.description ?? '', /^1 issue · /);
      await workbench.screenshot('comparison');
      // A gone issue is not in the release's list, yet its panel opens from the view (the local Sentry has no web UI).
      const gone = issueById(fake.data, '1003');
      await workbench.treeRow(comparisonTree, `${gone.title},`).click();
      const panel = await workbench.webviewFrameShowing(gone.shortId);
      assert.match(await panel.evaluate(readBodyText), /Payment declined/);
      await workbench.screenshot('comparison-gone-panel');
      await workbench.runCommand('View: Close All Editors');
    }));

  test('switching the release in Select Release changes the marks of the open editor', () =>
    session.step('switch', async () => {
      const { workbench } = session;
      await workbench.openFile(cart);
      // The editor was closed by the test before: its marks are drawn again a moment after it opens.
      const before = await workbench.waitForAfterLineDecorations(
        (found) =>
          found.some((mark) => mark.line === raisingLine && /^✖ 28 events · 10 users · TypeError/.test(mark.text)),
        `the marks of ${v120} on ${cart}`,
      );
      assert.match(
        before.find((mark) => mark.line === raisingLine)?.text ?? '',
        /^✖ 28 events · 10 users · TypeError/,
        JSON.stringify(before),
      );
      await workbench.runCommandAndChoose('Sentry: Select Release', new RegExp(`^${escape(v110)}`));
      // In 1.1.0 only 1001 was open: its count is 1.1.0's, and 1002 (new in 1.2.0+45) has no mark any more.
      const marks = await workbench.waitForAfterLineDecorations(
        (found) =>
          found.some((mark) => mark.line === raisingLine && mark.text.startsWith('✖ 40 events · 12 users')) &&
          !found.some((mark) => mark.line === rangeErrorLine),
        `the marks of ${v110}`,
      );
      assert.match(
        marks.find((mark) => mark.line === raisingLine)?.text ?? '',
        /^✖ 40 events · 12 users · TypeError: Cannot read properties of undefined/,
      );
      const item = await workbench.statusBarItem(sentryStatusBarItem);
      assert.equal(item?.text, `${v110} · 1`);
      // The visible comparison follows the store to the new release.
      const rows = await workbench.waitForTreeRows(
        comparisonTree,
        (found) => found[0]?.name === v110 && groupsOf(found).length === 3,
        `the comparison of ${v110}`,
      );
      assert.equal(rows[0]?.description, `compared with ${v100}`);
      await workbench.screenshot('switched');
    }));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function groupsOf(rows: readonly TreeRow[]): TreeRow[] {
  return rows.filter((row) => row.level === 1 && /^(New in|Regressed in|Gone since) /.test(row.name));
}

/** The short ids of the rows right under `group` (its children, level 2), sorted. */
function shortIdsUnder(rows: readonly TreeRow[], group: TreeRow | undefined): string[] {
  const start = group ? rows.indexOf(group) : -1;
  if (start < 0) return [];
  const children: string[] = [];
  for (const row of rows.slice(start + 1)) {
    if (row.level <= 1) break;
    children.push(row.description.split(' · ')[0] ?? '');
  }
  return children.sort();
}
