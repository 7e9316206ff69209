// End to end: the AI hand-off in a real VS Code (code-server's VS Code, whose version the output log names). The
// extension registers its language-model tools and the @sentry chat participant (the log lists what VS Code reports
// registered), and Explain with AI from the hover, with no language model installed, copies the issue's request and
// grounded context to the clipboard and says so. The chat itself needs a model and is out of scope here.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lineOf, type FakeSentry } from '../../support/fakeSentry';
import { readClipboardText, waitFor, writeClipboardText, type Session } from '../harness';
import { startScenarioSession } from './scenarioSession';
import { issueById } from './scenarioWorkspace';

const cart = 'src/cart.ts';
/** Issue 1001 raises on this line (`line.item.price`). */
const raisingLine = lineOf(cart, 'line.item.price');
const toolNames = [
  'list_issues',
  'issue_context',
  'compare_releases',
  'resolve_issue',
  'archive_issue',
  'assign_issue',
].map((name) => `sentry_${name}`);

describe('The AI assistant hand-off in a real VS Code', () => {
  let fake: FakeSentry;
  let session: Session;
  let typeError: { id: string; shortId: string; title: string };

  before(async () => {
    ({ fake, session } = await startScenarioSession('assistant', cart, raisingLine));
    typeError = issueById(fake.data, '1001');
  });

  after(async () => {
    await session?.stop();
    await fake?.close();
  });

  test('the language-model tools and the @sentry participant are registered', () =>
    session.step('registered', async () => {
      const { workbench } = session;
      await workbench.runCommand('Sentry: Show Output');
      const output = await workbench.waitForOutputText('Sentry Insight', 'AI assistant in VS Code');
      // The Output view wraps a long line into several rows: joined, they are the line again.
      const joined = output.split('\n').join('');
      const line =
        joined.slice(joined.indexOf('AI assistant in VS Code')).split(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \[/)[0] ??
        '';
      console.log(`code-server: ${line}`);
      assert.match(line, new RegExp(`language-model tools ${toolNames.join(', ')};`), line);
      assert.match(line, /chat participant @sentry \(\/explain, \/fix\)/, line);
      await workbench.screenshot('output');
    }));

  test('Explain with AI in the hover, with no language model, copies the grounded context and says so', () =>
    session.step('explain', async () => {
      const { workbench } = session;
      await workbench.page.evaluate(writeClipboardText, 'nothing yet');
      await workbench.openFile(cart);
      await workbench.goToLine(raisingLine);
      const hover = await workbench.showHover(typeError.shortId);
      await hover.locator('a').filter({ hasText: 'Explain with AI' }).click();
      const notice = await waitFor(
        async () => (await workbench.notificationTexts()).find((text) => text.includes('copied to the clipboard')),
        { what: 'the notice that the context was copied', timeoutMs: 30_000 },
      );
      assert.match(
        notice,
        new RegExp(
          `no AI chat with a language model, so the explanation request and the scrubbed context of ${typeError.shortId} were copied`,
        ),
      );
      const copied = await workbench.page.evaluate(readClipboardText);
      assert.match(copied, /^Explain this production error to the developer/);
      assert.match(copied, new RegExp(`\\n# ${typeError.shortId} \\(id ${typeError.id}\\): `));
      assert.match(
        copied,
        new RegExp(`at workspace file src/cart\\.ts:${raisingLine}\\n(.*\\n)*    > ${raisingLine} \\| `),
      );
      await workbench.screenshot('explain-copied');
    }));
});
