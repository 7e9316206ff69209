// Extension entry: builds the pieces and registers them; no logic of its own.
import * as vscode from 'vscode';
import { SnapshotFiles } from './core/state/snapshotFiles';
import { registerAlerts } from './editor/alerts/alerts';
import { registerAssistant } from './editor/assistant/registerAssistant';
import { AlertMemoryState } from './editor/alerts/alertMemoryState';
import { registerSentryAuth } from './editor/auth/sentryAuth';
import { signInServerUrl } from './editor/auth/signInServer';
import { registerCommands } from './editor/commands';
import { registerReleaseComparison } from './editor/comparison/releaseComparisonView';
import { registerReplayDebugger } from './editor/replay/replayDebugger';
import { Connections } from './editor/connections';
import { registerLineMarks } from './editor/lineMarks';
import { LocalChangeBatch } from './editor/localChanges';
import { registerLocalCommands } from './editor/localCommands';
import { LocalServerHost } from './editor/localServer';
import { MarkedLines } from './editor/markedLines';
import { createOutputLogger } from './editor/log';
import { registerIssuePanelSerializer, showIssuePanel } from './editor/panel/showIssuePanel';
import { pickEnvironment, pickProject, pickRelease, setProjectSelectedContext } from './editor/pickers';
import { pickBaseRelease } from './editor/pickers/baseReleasePicker';
import { pickIssueToShow } from './editor/pickers/issueToShowPicker';
import { SentryContext } from './editor/sentryContext';
import { serverFactsIn } from './editor/serverFactsState';
import { createSettings } from './editor/settings';
import { registerStatusBar } from './editor/statusBar';
import { registerIssueTree } from './editor/tree/issueTree';
import { WorkspaceIndexes } from './editor/workspaceIndexes';

export function activate(context: vscode.ExtensionContext): void {
  const channel = vscode.window.createOutputChannel('Sentry Insight', { log: true });
  const log = createOutputLogger(channel);
  const settings = createSettings();
  // The sign-in asks only after activation, when `connections` below exists.
  const auth = registerSentryAuth(context, log, {
    defaultUrl: () => signInServerUrl((folder) => connections.configuredServerUrl(folder)),
  });
  const cacheDir = context.storageUri ?? context.globalStorageUri;
  // One file index per folder, kept current by a file watcher, for the window's loads and its local Sentry alike.
  const indexes = new WorkspaceIndexes(log);
  const local = new LocalServerHost(
    vscode.Uri.joinPath(context.globalStorageUri, 'local-store').fsPath,
    () => settings.localPort,
    () => settings.localStoreLimits,
    () =>
      (vscode.workspace.workspaceFolders ?? []).map((folder) =>
        indexes.forFolder({ name: folder.name, path: folder.uri.fsPath }),
      ),
    log,
  );
  const connections = new Connections(settings, auth, log, local, serverFactsIn(context.globalState));
  const ctx = new SentryContext(
    settings,
    log,
    context.extensionUri,
    connections,
    new SnapshotFiles(vscode.Uri.joinPath(cacheDir, 'snapshots').fsPath, log),
    indexes,
  );
  const serverOf = async (folder: vscode.WorkspaceFolder) => connections.serverFor(folder);
  const statusBar = registerStatusBar(ctx, auth);
  const marks = new MarkedLines(ctx.store);
  // Changes at the local Sentry update just the issues they touched, well within a second, without polling.
  const localChanges = new LocalChangeBatch((change) => ctx.refreshLocal(change), 50);

  context.subscriptions.push(
    channel,
    settings,
    auth,
    indexes,
    local,
    connections,
    ctx,
    statusBar,
    // A picker writes a setting; the configuration listener below then reloads.
    registerCommands(ctx, channel, {
      showIssuePanel: (issueId) => showIssuePanel(ctx, issueId),
      pickIssueToShow: () => pickIssueToShow(ctx, marks),
      signIn: () => auth.signIn(),
      signOut: () => auth.signOut(),
      selectProject: (arg?: unknown) => pickProject(settings, serverOf, arg),
      selectRelease: (arg?: unknown) => pickRelease(ctx, serverOf, arg),
      selectEnvironment: (arg?: unknown) => pickEnvironment(ctx, serverOf, arg),
      statusBarMenu: () => statusBar.showMenu(),
    }),
    registerLineMarks(ctx, marks),
    registerIssueTree(ctx),
    registerReplayDebugger(ctx, marks),
    registerReleaseComparison(ctx, (folder, chosen) => pickBaseRelease(ctx, serverOf, folder, chosen)),
    registerIssuePanelSerializer(ctx),
    registerLocalCommands(local, () => ctx.reconnect()),
    registerAlerts(ctx, new AlertMemoryState(context.workspaceState)),
    registerAssistant(ctx, marks, context.extensionUri, log),
    localChanges,
    local.onDidChange((change) => localChanges.add(change)),
    auth.onDidChange(() => ctx.reconnect()),
    settings.onDidChange(() => ctx.scheduleRefresh()),
    settings.onDidChangeConnection(() => {
      void updateProjectSelected(settings);
      ctx.reconnect();
    }),
  );
  void updateProjectSelected(settings);
  log.info(`Sentry Insight ${String(context.extension.packageJSON.version)} activated`);
  void ctx.start();
}

async function updateProjectSelected(settings: ReturnType<typeof createSettings>): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  await setProjectSelectedContext(folders.some((folder) => settings.folder(folder).project !== undefined));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
