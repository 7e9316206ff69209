// End to end: Replay in Debugger started from the hover of a marked line stops VS Code's debugger on the raising line
// with the exception as the stop reason, the event's call stack innermost first, the recorded variables in the
// Variables view and on the lines; selecting the caller's frame moves the editor and shows its (scrubbed) variables.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lineOf, type FakeSentry } from '../../support/fakeSentry';
import { locatorTexts, waitFor, type Locator, type Session } from '../harness';
import { startScenarioSession } from './scenarioSession';
import { issueById } from './scenarioWorkspace';

const cart = 'src/cart.ts';
/** Issue 1001 raises on this line (`line.item.price`), inside the reduce callback of cartTotal. */
const raisingLine = lineOf(cart, 'line.item.price');
const callerLine = lineOf(cart, 'return lines.reduce');
/** renderTotal calls cartTotal on this line. */
const renderTotalLine = lineOf(cart, 'formatPrice(cartTotal())');

describe('Replay in Debugger in a real VS Code', () => {
  let fake: FakeSentry;
  let session: Session;
  let typeError: { id: string; shortId: string; title: string };

  before(async () => {
    ({ fake, session } = await startScenarioSession('replay', cart, raisingLine));
    typeError = issueById(fake.data, '1001');
  });

  after(async () => {
    await session?.stop();
    await fake?.close();
  });

  test('the hover starts a replay stopped on the raising line with the call stack and the variables', () =>
    session.step('stopped', async () => {
      const { workbench } = session;
      const { page } = workbench;
      await workbench.goToLine(raisingLine);
      const hover = await workbench.showHover(typeError.shortId);
      await hover.locator('a').filter({ hasText: 'Replay in Debugger' }).click();
      await workbench.dismissHover();
      // The Call Stack: the event's frames, innermost first.
      const frameRows = page.locator('.debug-call-stack .monaco-list-row .stack-frame');
      const frameNames = async (): Promise<string[]> =>
        (await locatorTexts(frameRows.locator('.label'))).filter((name) => name !== '');
      await waitFor(async () => ((await frameNames()).length >= 5 ? true : undefined), {
        what: 'the replay call stack',
        timeoutMs: 30_000,
      });
      assert.deepEqual((await frameNames()).slice(0, 5), [
        'Array.reduce',
        'cartTotal',
        'renderTotal',
        'addToCart',
        'HTMLButtonElement.<anonymous>',
      ]);
      // Stopped in the raising frame, on today's raising line, with the exception as the reason.
      await workbench.waitForActiveEditorAt('cart.ts', raisingLine);
      const widget = page.locator('.exception-widget').first();
      await widget.waitFor({ timeout: 20_000 });
      assert.match(await widget.innerText(), /TypeError[\s\S]*Cannot read properties of undefined \(reading 'price'\)/);
      // The Variables view: the raising frame's recorded locals.
      await waitFor(
        async () => ((await variableRows()).some((row) => /^sum\s*[:=]?\s*12\.5$/.test(row)) ? true : undefined),
        { what: "the raising frame's variables", timeoutMs: 20_000 },
      );
      assert.ok(
        (await variableRows()).some((row) => /^line\s*[:=]?\s*\{2 keys\}$/.test(row)),
        (await variableRows()).join(' | '),
      );
      await workbench.screenshot('stopped');
    }));

  test("selecting the caller's frame shows its variables, the token scrubbed; another frame moves the editor to its line", () =>
    session.step('caller', async () => {
      const { workbench } = session;
      await frameRow('cartTotal').click();
      await workbench.waitForActiveEditorAt('cart.ts', callerLine);
      await waitFor(
        async () =>
          (await variableRows()).some((row) => /^sessionToken\s*[:=]?\s*\[Filtered\]/.test(row)) ? true : undefined,
        { what: "the caller's variables", timeoutMs: 20_000 },
      );
      assert.ok(
        (await variableRows()).some((row) => /^lines\s*[:=]?\s*\[2 items\]$/.test(row)),
        (await variableRows()).join(' | '),
      );
      assert.ok(!(await variableRows()).join(' ').includes('tok_live_4242'), 'the token is not shown');
      await workbench.screenshot('caller');
      await frameRow('renderTotal').click();
      await workbench.waitForActiveEditorAt('cart.ts', renderTotalLine);
    }));

  test('Debug: Stop ends the replay', () =>
    session.step('stop', async () => {
      const { page } = session.workbench;
      await session.workbench.runCommand('Debug: Stop');
      await waitFor(
        async () =>
          (await page.locator('.debug-call-stack .monaco-list-row .stack-frame').count()) === 0 ? true : undefined,
        { what: 'the call stack to empty', timeoutMs: 20_000 },
      );
    }));

  function frameRow(name: string): Locator {
    return session.workbench.page
      .locator('.debug-call-stack .monaco-list-row .stack-frame')
      .filter({ hasText: name })
      .first();
  }

  async function variableRows(): Promise<string[]> {
    return locatorTexts(session.workbench.page.locator('.debug-variables .monaco-list-row'));
  }
});
