// End to end: a workspace whose .sentryclirc names a self-hosted Sentry (a fake one on 127.0.0.1) and no token. The
// real Sign In flow offers that server in its server box, not sentry.io; accepting it and giving a token verifies the
// token with that server, and the issues then load from it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ALL_SCOPES,
  defaultScenario,
  lineOf,
  scenario,
  scenarioSources,
  startFakeSentry,
} from '../../support/fakeSentry';
import { waitFor, withSession } from '../harness';

const cart = 'src/cart.ts';
const raisingLine = lineOf(cart, 'line.item.price');
/** A token only this test's server knows, typed into the sign-in's token box. */
const token = `sntryu_${'fedcba9876543210'.repeat(4)}`;
const serverBox = 'Sign in to Sentry (1/2): server';
const tokenBox = 'Sign in to Sentry (2/2)';

test('Sign In offers the server .sentryclirc names, and signs in to it', async () => {
  const fake = await startFakeSentry({ data: defaultScenario(), tokens: { [token]: ALL_SCOPES } });
  try {
    await withSession(
      {
        testName: 'sign-in',
        workspace: {
          files: {
            ...scenarioSources,
            '.sentryclirc': `[defaults]\nurl = ${fake.url}\norg = ${scenario.org}\nproject = ${scenario.projects.web.slug}\n`,
            '.vscode/settings.json': JSON.stringify({ 'sentryInsight.release': scenario.releases.v120 }),
          },
        },
      },
      async ({ workbench }) => {
        await workbench.openFile(cart);
        await workbench.runCommand('Sentry: Sign In');
        // VS Code asks whether the extension may sign in with the Sentry account provider before our questions.
        await workbench.clickDialogButton('Allow');
        assert.equal(await workbench.inputBoxValue(serverBox), fake.url);
        await workbench.screenshot('server');
        await workbench.answerInputBox(serverBox);
        await workbench.answerInputBox(tokenBox, token);
        const signedIn = await waitFor(
          async () => (await workbench.notificationTexts()).find((text) => text.startsWith('Signed in to Sentry')),
          {
            what: 'the notification that the sign-in succeeded',
            timeoutMs: 30_000,
          },
        );
        assert.match(signedIn, /127\.0\.0\.1/);
        const check = fake.requests.find(
          (request) => request.path === '/api/0/' && request.authorization === `Bearer ${token}`,
        );
        assert.ok(check, 'the token was checked by the server the workspace names');
        await workbench.waitForAfterLineDecorations(
          (found) => found.some((mark) => mark.line === raisingLine),
          `the mark on line ${raisingLine} from the signed-in server`,
        );
        await workbench.screenshot('signed-in');
        assert.ok(
          fake.requests.some(
            (request) =>
              request.path.startsWith(`/api/0/organizations/${scenario.org}/issues/`) &&
              request.authorization === `Bearer ${token}`,
          ),
          'the issues were loaded with the signed-in token',
        );
      },
    );
  } finally {
    await fake.close();
  }
});
