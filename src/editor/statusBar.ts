// The status bar item: release and open issue count of the active editor's folder, a spinner while loading, a warning
// background when the data may be out of date; a click opens a menu of the common Sentry actions.
import * as vscode from 'vscode';
import { statusSummary, type SummaryFolder } from '../core/state/statusSummary';
import { commandIds } from './commandIds';
import type { EditorContext } from './ctx';
import type { FolderArg } from './tree/issueTreeItems';

export interface SentryStatusBar extends vscode.Disposable {
  /** The menu the item opens (register it as commandIds.statusBarMenu). */
  showMenu(): Promise<void>;
}

/** Whether to offer Sign In or Sign Out (SentryAuth has it). */
export interface SignInState {
  readonly isSignedIn: boolean;
}

interface MenuItem extends vscode.QuickPickItem {
  readonly command: string;
  readonly args: readonly unknown[];
}

const sentryViewCommand = 'workbench.view.extension.sentryInsight';
/** The tooltip says how old the data is; redrawing once a minute keeps that true. */
const ageRedrawMs = 60_000;

/** The folder of the active editor, else the first folder: its release and count are the ones shown. */
function focusedFolder(): vscode.WorkspaceFolder | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return (uri && vscode.workspace.getWorkspaceFolder(uri)) || vscode.workspace.workspaceFolders?.[0];
}

function summaryFolders(ctx: Pick<EditorContext, 'store'>): SummaryFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => ({
    name: folder.name,
    state: ctx.store.folder(folder.uri.fsPath),
  }));
}

function render(item: vscode.StatusBarItem, ctx: Pick<EditorContext, 'store'>): void {
  const summary = statusSummary(summaryFolders(ctx), focusedFolder()?.uri.fsPath, new Date());
  item.text = `$(${summary.icon}) ${summary.label}`;
  item.tooltip = summary.tooltip;
  item.backgroundColor = summary.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  item.accessibilityInformation = { label: `Sentry: ${summary.label}${summary.warning ? ', may be out of date' : ''}` };
}

function menuItems(signedIn: boolean, folder: vscode.WorkspaceFolder | undefined): MenuItem[] {
  const folderArgs = folder ? [{ folderPath: folder.uri.fsPath } satisfies FolderArg] : [];
  return [
    { label: '$(tag) Switch Release…', command: commandIds.selectRelease, args: folderArgs },
    { label: '$(server-environment) Switch Environment…', command: commandIds.selectEnvironment, args: folderArgs },
    { label: '$(refresh) Refresh', command: commandIds.refresh, args: [] },
    { label: '$(list-tree) Open Sentry View', command: sentryViewCommand, args: [] },
    signedIn
      ? { label: '$(sign-out) Sign Out…', command: commandIds.signOut, args: [] }
      : { label: '$(sign-in) Sign In…', command: commandIds.signIn, args: [] },
    { label: '$(output) Show Output', command: commandIds.showOutput, args: [] },
  ];
}

export function registerStatusBar(ctx: Pick<EditorContext, 'store'>, auth: SignInState): SentryStatusBar {
  const item = vscode.window.createStatusBarItem('sentryInsight.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Sentry Insight';
  item.command = commandIds.statusBarMenu;
  render(item, ctx);
  item.show();
  const update = (): void => render(item, ctx);
  const timer = setInterval(update, ageRedrawMs);
  const subscriptions = vscode.Disposable.from(
    item,
    { dispose: () => clearInterval(timer) },
    ctx.store.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeWorkspaceFolders(update),
  );
  return {
    async showMenu() {
      const picked = await vscode.window.showQuickPick(menuItems(auth.isSignedIn, focusedFolder()), {
        title: 'Sentry Insight',
        placeHolder: item.text.replace(/\$\([^)]*\)\s*/, ''),
      });
      if (picked) await vscode.commands.executeCommand(picked.command, ...picked.args);
    },
    dispose: () => subscriptions.dispose(),
  };
}
