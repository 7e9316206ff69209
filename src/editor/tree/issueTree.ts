// The Sentry view (`sentryInsight.issues`): a tree over the issue store that redraws when the store, the sort setting
// or the workspace folders change. Rows are built by issueTreeModel.ts and drawn by issueTreeItems.ts.
import * as vscode from 'vscode';
import { openIssueCount } from '../../core/state/statusSummary';
import type { EditorContext } from '../ctx';
import { storyOf } from '../../core/tracking/issueStory';
import { treeItemOf } from './issueTreeItems';
import { issueTooltip } from './issueRow';
import { rootNodes, type IssueTreeNode, type TreeFolder } from './issueTreeModel';

export const issueViewId = 'sentryInsight.issues';

/** What the view reads: the issue store, the sort setting, and which issues have a page to open. */
export type TreeContext = Pick<EditorContext, 'store' | 'settings' | 'hasIssuePages' | 'loadReleaseFacts'>;

/** Store events come in bursts while a load reports progress; one redraw per burst is enough. */
const redrawDelayMs = 100;

class IssueTreeProvider implements vscode.TreeDataProvider<IssueTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<IssueTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ctx: TreeContext) {}

  getTreeItem(node: IssueTreeNode): vscode.TreeItem {
    return treeItemOf(node, new Date());
  }

  /** A carried issue's tooltip tells where it started: asked when the tooltip is about to show, not for every row. */
  async resolveTreeItem(
    item: vscode.TreeItem,
    node: IssueTreeNode,
    token: vscode.CancellationToken,
  ): Promise<vscode.TreeItem> {
    if (node.kind !== 'issue' || node.issue.firstRelease !== undefined) return item;
    const abort = new AbortController();
    const cancelled = token.onCancellationRequested(() => abort.abort());
    try {
      await this.ctx.loadReleaseFacts([node.issueId], abort.signal);
    } finally {
      cancelled.dispose();
    }
    const found = this.ctx.store.findIssue(node.issueId);
    const snapshot = found?.folder.snapshot;
    if (!found || !snapshot || token.isCancellationRequested) return item;
    item.tooltip = issueTooltip(found.issue, node.withUsers, new Date(), {
      story: storyOf(found.issue, snapshot.release?.version),
      release: node.release,
    });
    return item;
  }

  getChildren(node?: IssueTreeNode): IssueTreeNode[] {
    if (!node) {
      const options = {
        sort: this.ctx.settings.treeSort,
        now: new Date(),
        hasIssuePages: (path: string) => this.ctx.hasIssuePages(path),
      };
      return rootNodes(workspaceTreeFolders(), (path) => this.ctx.store.folder(path), options);
    }
    if (node.kind === 'folder') return [...node.children];
    if (node.kind === 'issue') return [...node.frames];
    return [];
  }

  redrawSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.changed.fire(undefined);
    }, redrawDelayMs);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }
}

/** The store keys folders by their file system path. */
function workspaceTreeFolders(): TreeFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => ({ path: folder.uri.fsPath, name: folder.name }));
}

function describeView(ctx: TreeContext, view: vscode.TreeView<IssueTreeNode>): void {
  view.description = { users: 'by users', events: 'by events', lastSeen: 'by last seen' }[ctx.settings.treeSort];
  const open = ctx.store
    .allFolders()
    .reduce((sum, folder) => sum + (folder.snapshot ? openIssueCount(folder.snapshot) : 0), 0);
  view.badge =
    open > 0 ? { value: open, tooltip: `${open} open Sentry ${open === 1 ? 'issue' : 'issues'}` } : undefined;
}

export function registerIssueTree(ctx: TreeContext): vscode.Disposable {
  const provider = new IssueTreeProvider(ctx);
  const view = vscode.window.createTreeView(issueViewId, {
    treeDataProvider: provider,
    canSelectMany: true,
    showCollapseAll: true,
  });
  describeView(ctx, view);
  const redraw = (): void => {
    describeView(ctx, view);
    provider.redrawSoon();
  };
  return vscode.Disposable.from(
    provider,
    view,
    ctx.store.onDidChange(redraw),
    ctx.settings.onDidChange(redraw),
    vscode.workspace.onDidChangeWorkspaceFolders(redraw),
  );
}
