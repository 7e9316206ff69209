// End to end: with a project whose issues point into the open workspace, a real VS Code shows the after-line text on
// the raising line and a quieter mark on the lines that called it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_TOKEN,
  defaultScenario,
  lineOf,
  scenario,
  scenarioSources,
  startFakeSentry,
} from '../../support/fakeSentry';
import { withSession } from '../harness';

test('an open file shows its Sentry marks after the raising line', async () => {
  const fake = await startFakeSentry({ data: defaultScenario() });
  try {
    await withSession(
      {
        testName: 'line-marks',
        workspace: {
          files: {
            ...scenarioSources,
            '.sentryclirc': `[defaults]\nurl = ${fake.url}\norg = ${scenario.org}\nproject = ${scenario.projects.web.slug}\n\n[auth]\ntoken = ${DEFAULT_TOKEN}\n`,
            '.vscode/settings.json': JSON.stringify({ 'sentryInsight.release': scenario.releases.v120 }),
          },
        },
      },
      async ({ workbench }) => {
        await workbench.openFile('src/cart.ts');
        const line = lineOf('src/cart.ts', 'line.item.price');
        const decorations = await workbench.waitForAfterLineDecorations(
          (found) => found.some((decoration) => decoration.line === line),
          `the after-line text of line ${line}`,
        );
        await workbench.screenshot('decorated');
        const raised = decorations.find((decoration) => decoration.line === line);
        assert.ok(raised, JSON.stringify(decorations));
        assert.match(raised.text, /^✖ 28 events · 10 users · TypeError: Cannot read properties of undefined/);
        const caller = decorations.find((decoration) => decoration.line === lineOf('src/cart.ts', 'renderTotal();'));
        assert.match(caller?.text ?? '', /^↳ called in/, JSON.stringify(decorations));
      },
    );
  } finally {
    await fake.close();
  }
});
