// End to end, on the harness itself: its readers see what a known test-only extension (fixtures/probe-extension)
// puts on screen, so that a feature test failing means the feature broke, not the harness.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot, startSession, type Session } from '../harness';

describe('e2e harness in a real VS Code', () => {
  let session: Session;

  before(async () => {
    session = await startSession({
      testName: 'harness',
      workspace: { files: { 'src/deep/sample.txt': 'first line\nsecond line\nthird line\n' } },
      extraExtensionFolders: [join(repoRoot(), 'test', 'e2e', 'fixtures', 'probe-extension')],
    });
  });

  after(async () => {
    await session.stop();
  });

  test('opens a file in a subfolder by its relative path and moves the cursor to a line', () =>
    session.step('open-file', async () => {
      await session.workbench.openFile('src/deep/sample.txt');
      await session.workbench.goToLine(3);
      assert.match(await session.workbench.statusBarText(), /Ln 3, Col 1/);
    }));

  test('reads the after-line decoration text and the line it is on', () =>
    session.step('decoration', async () => {
      await session.workbench.openFile('src/deep/sample.txt');
      await session.workbench.runCommand('E2E Probe: Decorate Line 2');
      const isProbe = (text: string): boolean => text.startsWith('probe:');
      const decorations = await session.workbench.waitForAfterLineDecorations(
        (found) => found.some((decoration) => isProbe(decoration.text)),
        'the probe decoration',
      );
      assert.deepEqual(
        decorations.filter((decoration) => isProbe(decoration.text)),
        [{ line: 2, text: 'probe: 3 events \u00b7 2 users "quoted"' }],
      );
      await session.workbench.screenshot('decoration');
    }));

  test('reads the text of a webview panel and nothing of the workbench around it', () =>
    session.step('webview', async () => {
      await session.workbench.runCommand('E2E Probe: Open Panel');
      const text = await session.workbench.waitForWebviewText('hello from the webview');
      assert.equal(text, 'Probe panel\n\nhello from the webview');
      assert.ok((await session.workbench.webviewTexts()).every((webviewText) => !webviewText.includes('Explorer')));
      await session.workbench.screenshot('webview');
    }));
});
