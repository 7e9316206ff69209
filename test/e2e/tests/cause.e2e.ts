// End to end: the issue panel's Cause section in a real VS Code over a real git repository the test makes (see
// causeRepository.ts) and the local Sentry the window serves. An event of release shop@1.4.2 raises on the line Jane
// Doe rewrote; the panel names her commit (short sha, author, how long before the release, summary) and the file's
// code owners from .github/CODEOWNERS, and Open Commit shows the commit: through the built-in Git extension's API
// (VS Code's multi-file diff editor) where the extension is on, else `git show` in a read-only diff document (the
// harness turns the Git extension off by default, as a VS Code without it would be). The panel's Explain and Fix with
// AI, with no language model, copy the request and the grounded context and say so.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  readClipboardText,
  startSession,
  waitFor,
  writeClipboardText,
  type Frame,
  type Session,
  type Workbench,
} from '../harness';
import { freePort } from '../harness/codeServer';
import { checkoutFile, makeCauseRepository, raisingLine, release, type CauseRepository } from './causeRepository';
import { errorEnvelope, sendWhenServed } from './localSentryEvent';

const errorValue = "Cannot read properties of undefined (reading 'price')";
const title = `TypeError: ${errorValue}`;

/** A session on a fresh cause repository, its event sent to the window's local Sentry and its line marked. */
async function startCauseSession(
  testName: string,
  gitExtension: boolean,
): Promise<{ repository: CauseRepository; session: Session }> {
  const repository = makeCauseRepository();
  try {
    // Not the default port: a local Sentry running on this machine must not receive the test's events.
    const port = await freePort();
    const session = await startSession({
      testName,
      workspace: { folder: repository.folder },
      settings: { 'sentryInsight.local.port': port, 'remote.autoForwardPorts': false, 'git.enabled': gitExtension },
      viewport: { width: 1400, height: 860 },
    });
    try {
      const { workbench } = session;
      await workbench.openFile(checkoutFile);
      await sendWhenServed(port, () =>
        errorEnvelope({
          file: checkoutFile,
          line: raisingLine,
          functionName: 'orderTotal',
          type: 'TypeError',
          value: errorValue,
          release,
          environment: 'production',
        }),
      );
      // The first load found no release on the empty local Sentry; the event's new release makes the window load again
      // by itself and pick shop@1.4.2 (package.json's), with no Refresh: the Cause below is blamed at its tag.
      await workbench.waitForAfterLineDecorations(
        (found) => found.some((mark) => mark.line === raisingLine && mark.text.includes('TypeError')),
        `the mark on line ${raisingLine}`,
        60_000,
      );
      return { repository, session };
    } catch (error) {
      await session.stop();
      throw error;
    }
  } catch (error) {
    repository.remove();
    throw error;
  }
}

async function openPanelOfRaisingLine(session: Session): Promise<Frame> {
  const { workbench } = session;
  await workbench.openFile(checkoutFile);
  await workbench.goToLine(raisingLine);
  // The line has one issue: the command opens it without asking.
  await workbench.runCommand('Sentry: Show Issue Details');
  return workbench.webviewFrameShowing(title);
}

/** The Cause section's texts once git and CODEOWNERS have answered (after the rest of the panel). */
async function causeTexts(panel: Frame): Promise<{ location: string; commit: string; owners: string }> {
  const commit = panel.locator('[data-testid="suspect-commit"]');
  await commit.waitFor({ timeout: 30_000 });
  return {
    location: (await panel.locator('[data-testid="cause-location"]').innerText()).trim(),
    commit: (await commit.innerText()).trim(),
    owners: (await panel.locator('[data-testid="code-owners"]').innerText()).trim(),
  };
}

/** The text the active editor group shows, with the editor's non-breaking spaces as spaces. */
async function activeEditorText(workbench: Workbench): Promise<string> {
  const group = workbench.page.locator('.part.editor .editor-group-container.active').first();
  return (await group.innerText()).replace(/\u00a0/g, ' ');
}

describe('The issue panel names the cause and opens the commit (Git extension on)', () => {
  let repository: CauseRepository;
  let session: Session;

  before(async () => {
    ({ repository, session } = await startCauseSession('cause', true));
  });

  after(async () => {
    await session?.stop();
    repository?.remove();
  });

  test("the Cause section names the commit that last changed the raising line and the file's code owners", () =>
    session.step('cause', async () => {
      const { workbench } = session;
      const panel = await openPanelOfRaisingLine(session);
      const cause = await causeTexts(panel);
      const short = repository.shas.price.slice(0, 7);
      assert.equal(cause.location, `Raised at ${checkoutFile}:${raisingLine}`);
      // Blamed at the release's tag (HEAD has moved past it), dated against the release commit.
      assert.match(
        cause.commit,
        new RegExp(`^This line last changed in ${short} by Jane Doe, 3 days before ${release}: 'Price from catalog'`),
      );
      assert.match(
        cause.owners,
        /^Code owners of src\/checkout\.js: @shop\/checkout, jane@example\.com \(\.github\/CODEOWNERS line 2\)/,
      );
      const button = panel.locator('[data-testid="open-commit"]');
      assert.equal(await button.getAttribute('title'), `Show commit ${repository.shas.price}`);
      await panel.locator('section[aria-labelledby="cause-heading"]').scrollIntoViewIfNeeded();
      await workbench.screenshot('panel-cause');
    }));

  test("Open Commit shows the commit's changes in VS Code's multi-file diff editor, through the Git extension", () =>
    session.step('open-commit', async () => {
      const { workbench } = session;
      const panel = await workbench.webviewFrameShowing(title);
      await panel.locator('[data-testid="open-commit"]').click();
      const short = repository.shas.price.slice(0, 7);
      // The multi-file diff editor's tab: the title Open Commit gives it, and the count of files VS Code adds.
      const tabName = `${short} Price from catalog (1 file)`;
      await waitFor(async () => ((await workbench.activeEditorName()) === tabName ? true : undefined), {
        what: `the active editor to be "${tabName}"`,
        timeoutMs: 30_000,
      });
      // One file changed in the commit: the checkout, its raising line before and after.
      const text = await waitFor(
        async () => {
          const shown = await activeEditorText(workbench);
          return shown.includes('checkout.js') && shown.includes('catalog[line.sku].price') ? shown : undefined;
        },
        { what: 'the commit diff of checkout.js', timeoutMs: 20_000 },
      );
      assert.ok(text.includes('sum + line.price * line.quantity'), text);
      assert.ok(!text.includes('package.json'), `only the commit's own file: ${text}`);
      await workbench.screenshot('open-commit');
    }));

  test("the panel's Explain and Fix with AI, with no language model, copy the request and the context and say so", () =>
    session.step('ask-assistant', async () => {
      const { workbench } = session;
      const panel = await openPanelOfRaisingLine(session);
      for (const [button, kind, instruction] of [
        ['explain-with-ai', 'explanation', /^Explain this production error to the developer/],
        ['fix-with-ai', 'fix', /^Propose a fix for this production error in the workspace code/],
      ] as const) {
        await workbench.page.evaluate(writeClipboardText, 'nothing yet');
        await workbench.runCommand('Notifications: Clear All Notifications');
        await panel.locator(`[data-testid="${button}"]`).click();
        const notice = await waitFor(
          async () =>
            (await workbench.notificationTexts()).find((shown) =>
              shown.includes(`the ${kind} request and the scrubbed context`),
            ),
          { what: `the notice that the ${kind} request was copied`, timeoutMs: 30_000 },
        );
        assert.match(notice, /no AI chat with a language model, .* were copied to the clipboard/);
        const copied = await workbench.page.evaluate(readClipboardText);
        assert.match(copied, instruction);
        assert.match(copied, new RegExp(`at workspace file ${checkoutFile.replace('.', '\\.')}:${raisingLine}\\n`));
        // The context carries the suspect commit of the raising line, from the same cache as the panel.
        assert.match(copied, /Price from catalog/);
      }
      await workbench.screenshot('ask-assistant');
    }));
});

describe('Open Commit without the Git extension', () => {
  let repository: CauseRepository;
  let session: Session;

  before(async () => {
    ({ repository, session } = await startCauseSession('cause-no-git', false));
  });

  after(async () => {
    await session?.stop();
    repository?.remove();
  });

  test('shows `git show` of the commit in a read-only diff document', () =>
    session.step('open-commit', async () => {
      const { workbench } = session;
      const panel = await openPanelOfRaisingLine(session);
      await causeTexts(panel);
      await panel.locator('[data-testid="open-commit"]').click();
      const tabName = `${repository.shas.price.slice(0, 12)}.diff`;
      await waitFor(async () => ((await workbench.activeEditorName()) === tabName ? true : undefined), {
        what: `the active editor to be ${tabName}`,
        timeoutMs: 30_000,
      });
      const plain = await waitFor(
        async () => {
          const shown = await activeEditorText(workbench);
          return shown.includes('Price from catalog') ? shown : undefined;
        },
        { what: 'the commit in the diff document', timeoutMs: 20_000 },
      );
      assert.match(plain, new RegExp(`commit ${repository.shas.price}`));
      assert.match(plain, /Author: Jane Doe <jane@example\.com>/);
      assert.match(plain, /\+ {2}return lines\.reduce\(\(sum, line\) => sum \+ catalog\[line\.sku\]\.price/);
      await workbench.screenshot('open-commit');
    }));
});
