// End to end: in a real VS Code, "Sentry: Show Output" from the command palette shows the extension's log channel.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extensionVersion, withSession } from '../harness';

test('"Sentry: Show Output" shows the Sentry Insight channel with the activation line', async () => {
  const version = extensionVersion();
  await withSession(
    {
      testName: 'show-output',
      workspace: {
        files: {
          '.sentryclirc': '[defaults]\norg = acme\nproject = web\n',
          'src/app.js': 'export function main() {\n  throw new Error("boom");\n}\n',
        },
      },
    },
    async ({ workbench }) => {
      await workbench.runCommand('Sentry: Show Output');
      const output = await workbench.waitForOutputText('Sentry Insight', `Sentry Insight ${version} activated`);
      assert.ok(
        output.split('\n').some((line) => line.endsWith(`[info] Sentry Insight ${version} activated`)),
        `the channel has an info line "Sentry Insight ${version} activated":\n${output}`,
      );
      await workbench.screenshot();
    },
  );
});
