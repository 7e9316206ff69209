// The Compare Releases view (`sentryInsight.releaseComparison`) and its commands: per folder, its current release
// against a base (the release before it unless the user picks one). Loads only while the view is visible, again
// when the store brings new data, and keeps the last good comparison when a load fails, with the error as a row.
import * as vscode from 'vscode';
import type { ReleaseComparison } from '../../core/tracking/releaseComparison';
import { backendOf } from '../../core/api/backend';
import { commandIds } from '../commandIds';
import type { EditorContext } from '../ctx';
import { chooseFolder } from '../pickers/folderChoice';
import type { ComparedIssueArg } from './comparisonItems';
import { comparisonItemOf } from './comparisonItems';
import { comparisonRoots, type ComparisonNode, type FolderComparison } from './comparisonModel';

export const releaseComparisonViewId = 'sentryInsight.releaseComparison';

/** Store events come in bursts (a load, several triage changes); one comparison per burst. */
const reloadDelayMs = 300;

/** Asks for the base release of a folder; `{ version: undefined }` is the default, undefined a cancel. */
export type BaseReleasePicker = (
  folder: vscode.WorkspaceFolder,
  chosen: string | undefined,
) => Promise<{ readonly version?: string } | undefined>;

type ComparisonContext = Pick<EditorContext, 'store' | 'compareRelease' | 'log'>;

interface FolderEntry {
  /** The base the user picked, and the release it was picked for: another release starts from the default again. */
  base?: { readonly version: string; readonly forRelease: string };
  comparison?: ReleaseComparison;
  error?: string;
  loading?: AbortController;
  /** The store changed (or the base) since the last comparison. */
  stale: boolean;
}

class ReleaseComparisonProvider implements vscode.TreeDataProvider<ComparisonNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ComparisonNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly entries = new Map<string, FolderEntry>();
  private visible = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ctx: ComparisonContext) {}

  getTreeItem(node: ComparisonNode): vscode.TreeItem {
    return comparisonItemOf(node);
  }

  getChildren(node?: ComparisonNode): ComparisonNode[] {
    if (!node) return comparisonRoots(workspaceFolders().map((folder) => this.folderComparison(folder)));
    if (node.kind === 'folder' || node.kind === 'group') return [...node.children];
    return [];
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.loadStale();
  }

  storeChanged(folderPath: string): void {
    this.entryOf(folderPath).stale = true;
    if (!this.visible || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.loadStale();
    }, reloadDelayMs);
  }

  baseOf(folderPath: string): string | undefined {
    const entry = this.entryOf(folderPath);
    const release = this.ctx.store.folder(folderPath).snapshot?.release?.version;
    return entry.base && entry.base.forRelease === release ? entry.base.version : undefined;
  }

  /** A new base, or a refresh (`base` unchanged): the folder is compared again at once. */
  compareAgain(folderPath: string, base: string | undefined): void {
    const entry = this.entryOf(folderPath);
    const release = this.ctx.store.folder(folderPath).snapshot?.release?.version;
    entry.base = base && release ? { version: base, forRelease: release } : undefined;
    entry.loading?.abort();
    entry.loading = undefined;
    entry.stale = true;
    this.loadStale();
  }

  refreshAll(): void {
    for (const folder of workspaceFolders()) this.compareAgain(folder.path, this.baseOf(folder.path));
  }

  private loadStale(): void {
    if (!this.visible) return;
    for (const folder of workspaceFolders()) {
      const entry = this.entryOf(folder.path);
      if (entry.stale && !entry.loading && this.ctx.store.folder(folder.path).snapshot)
        void this.load(folder.path, entry);
    }
  }

  private async load(folderPath: string, entry: FolderEntry): Promise<void> {
    const abort = new AbortController();
    entry.loading = abort;
    entry.stale = false;
    this.redraw();
    try {
      const compared = await this.ctx.compareRelease(folderPath, this.baseOf(folderPath), abort.signal);
      if (abort.signal.aborted) return;
      if (compared.ok) {
        entry.comparison = compared.value;
        entry.error = undefined;
      } else {
        // The last good comparison stays; the row says why it was not replaced.
        entry.error = compared.error.message;
        this.ctx.log.warn(`Comparing releases: ${compared.error.message}`);
      }
    } catch (error) {
      entry.error = `Comparing releases failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
      this.ctx.log.error(entry.error);
    } finally {
      if (entry.loading === abort) entry.loading = undefined;
    }
    this.redraw();
    // Data that arrived during the load is compared next.
    if (entry.stale) this.loadStale();
  }

  private folderComparison(folder: { path: string; name: string }): FolderComparison {
    const entry = this.entryOf(folder.path);
    const snapshot = this.ctx.store.folder(folder.path).snapshot;
    return {
      folderPath: folder.path,
      name: folder.name,
      loaded: snapshot !== undefined,
      loading: entry.loading !== undefined,
      comparison: entry.comparison,
      error: entry.error,
      withUsers: snapshot ? backendOf(snapshot.backend).capabilities.userCounts : true,
    };
  }

  private entryOf(folderPath: string): FolderEntry {
    let entry = this.entries.get(folderPath);
    if (!entry) this.entries.set(folderPath, (entry = { stale: true }));
    return entry;
  }

  private redraw(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const entry of this.entries.values()) entry.loading?.abort();
    this.changed.dispose();
  }
}

function workspaceFolders(): Array<{ path: string; name: string }> {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => ({ path: folder.uri.fsPath, name: folder.name }));
}

/** The panel for an issue the store has; the issue's page on Sentry for one it does not (gone issues, usually). */
async function openComparedIssue(ctx: ComparisonContext, arg: unknown): Promise<void> {
  const { issueId, url } = (arg ?? {}) as Partial<ComparedIssueArg>;
  if (typeof issueId !== 'string') return;
  if (ctx.store.findIssue(issueId)) {
    await vscode.commands.executeCommand(commandIds.showIssueDetails, { issueId });
    return;
  }
  const page = typeof url === 'string' ? vscode.Uri.parse(url) : undefined;
  if (page && (page.scheme === 'https' || page.scheme === 'http')) await vscode.env.openExternal(page);
  else
    void vscode.window.showInformationMessage(
      'Sentry: this issue is not loaded in the editor and has no page to open.',
    );
}

export function registerReleaseComparison(ctx: ComparisonContext, pickBase: BaseReleasePicker): vscode.Disposable {
  const provider = new ReleaseComparisonProvider(ctx);
  const view = vscode.window.createTreeView(releaseComparisonViewId, {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  provider.setVisible(view.visible);
  const compare = async (arg?: unknown): Promise<void> => {
    const folder = await chooseFolder(arg, 'compare the releases of');
    if (!folder) return;
    const picked = await pickBase(folder, provider.baseOf(folder.uri.fsPath));
    if (!picked) return;
    await vscode.commands.executeCommand(`${releaseComparisonViewId}.focus`);
    provider.compareAgain(folder.uri.fsPath, picked.version);
  };
  return vscode.Disposable.from(
    provider,
    view,
    view.onDidChangeVisibility(({ visible }) => provider.setVisible(visible)),
    ctx.store.onDidChange(({ folderPath, dataChanged }) => dataChanged && provider.storeChanged(folderPath)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => provider.refreshAll()),
    vscode.commands.registerCommand(commandIds.compareReleases, compare),
    vscode.commands.registerCommand(commandIds.refreshReleaseComparison, () => provider.refreshAll()),
    vscode.commands.registerCommand(commandIds.openComparedIssue, (arg: unknown) => openComparedIssue(ctx, arg)),
  );
}
