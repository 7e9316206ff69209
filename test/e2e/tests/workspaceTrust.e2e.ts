// End to end: in Restricted Mode a workspace cannot redirect the extension's requests. Its .vscode/settings.json and
// .sentryclirc both name a server of the workspace's choosing; the extension never sends it a request, whether the
// user's settings name a server (VS Code's restrictedConfigurations and the extension's settings both guard that) or
// not (then only the extension's rule for files of an untrusted workspace does).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultScenario, lineOf, startFakeSentry } from '../../support/fakeSentry';
import { withSession } from '../harness';
import { issuesTree, scenarioWorkspace } from './scenarioWorkspace';

const cart = 'src/cart.ts';
const raisingLine = lineOf(cart, 'line.item.price');
/** No trust prompt at start: the folder simply opens in Restricted Mode. */
const restricted = { workspaceTrust: true, settings: { 'security.workspace.trust.startupPrompt': 'never' } } as const;

test("an untrusted workspace's server url is ignored: no request reaches that server", async () => {
  const usersServer = await startFakeSentry({ data: defaultScenario() });
  const workspaceServer = await startFakeSentry({ data: defaultScenario() });
  try {
    await withSession(
      {
        testName: 'restricted-mode',
        workspaceTrust: restricted.workspaceTrust,
        settings: { ...restricted.settings, 'sentryInsight.url': usersServer.url },
        workspace: {
          files: scenarioWorkspace({
            clircUrl: workspaceServer.url,
            settings: { 'sentryInsight.url': workspaceServer.url },
          }),
        },
      },
      async ({ workbench }) => {
        await workbench.page
          .locator('.part.statusbar')
          .filter({ hasText: 'Restricted Mode' })
          .first()
          .waitFor({ state: 'visible' });
        await workbench.openFile(cart);
        // The marks come from the user's server: the extension runs and has loaded what it will load.
        await workbench.waitForAfterLineDecorations(
          (found) => found.some((mark) => mark.line === raisingLine),
          `the mark on line ${raisingLine}`,
        );
        await workbench.screenshot();
        assert.ok(
          usersServer.requests.some((request) => request.path.startsWith('/api/0/organizations/acme/issues/')),
          'the issues came from the user server',
        );
        assert.deepEqual(
          workspaceServer.requests.map((request) => `${request.method} ${request.path}`),
          [],
          'the server named by the workspace received no request',
        );
      },
    );
  } finally {
    await usersServer.close();
    await workspaceServer.close();
  }
});

test("without a server in the user's settings, an untrusted workspace's .sentryclirc url is not used either", async () => {
  const workspaceServer = await startFakeSentry({ data: defaultScenario() });
  try {
    await withSession(
      {
        testName: 'restricted-mode-files',
        ...restricted,
        workspace: {
          files: scenarioWorkspace({
            clircUrl: workspaceServer.url,
            settings: { 'sentryInsight.url': workspaceServer.url },
          }),
        },
      },
      async ({ workbench }) => {
        await workbench.openFile(cart);
        await workbench.runCommand('Sentry: Focus on Issues View');
        // The load ends in one message row (no network here: the default server cannot be reached) or, were the
        // workspace obeyed, in issue rows from its server: either way the extension has sent what it would send.
        const rows = await workbench.waitForTreeRows(
          issuesTree,
          (found) => found.length > 0 && !found.some((row) => row.icon?.startsWith('loading')),
          'the Sentry view to finish loading',
        );
        await workbench.screenshot();
        assert.deepEqual(
          workspaceServer.requests.map((request) => `${request.method} ${request.path}`),
          [],
          'the server named by the workspace received no request',
        );
        assert.ok(
          rows.every((row) => !row.label.includes(workspaceServer.url)),
          JSON.stringify(rows),
        );
      },
    );
  } finally {
    await workspaceServer.close();
  }
});
