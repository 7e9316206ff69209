// Opens the issue panel (one per issue: an open one is revealed) and restores panels after a reload of the window
// through a WebviewPanelSerializer. The open panels of an editor context close with the serializer's registration.
import * as vscode from 'vscode';
import { issueIdSchema, parsePageState } from '../../webview/protocol';
import type { EditorContext } from '../ctx';
import { IssuePanel, issuePanelOptions, issuePanelViewType } from './issuePanel';

// Keyed by context, not global: each editor context has its own panels.
const panelsByContext = new WeakMap<EditorContext, Map<string, IssuePanel>>();

function panelsOf(ctx: EditorContext): Map<string, IssuePanel> {
  let panels = panelsByContext.get(ctx);
  if (!panels) {
    panels = new Map();
    panelsByContext.set(ctx, panels);
  }
  return panels;
}

function adopt(ctx: EditorContext, panel: vscode.WebviewPanel, issueId: string): IssuePanel {
  const panels = panelsOf(ctx);
  const issuePanel: IssuePanel = new IssuePanel(ctx, panel, issueId, () => {
    if (panels.get(issueId) === issuePanel) panels.delete(issueId);
  });
  panels.set(issueId, issuePanel);
  return issuePanel;
}

export function showIssuePanel(ctx: EditorContext, issueId: string): void {
  if (!issueIdSchema.safeParse(issueId).success) {
    ctx.log.warn('Show Issue Details: not an issue id.');
    return;
  }
  const open = panelsOf(ctx).get(issueId);
  if (open) {
    open.reveal();
    return;
  }
  const title = ctx.store.findIssue(issueId)?.issue.shortId ?? 'Sentry Issue';
  const panel = vscode.window.createWebviewPanel(
    issuePanelViewType,
    title,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
    { ...issuePanelOptions(ctx.extensionUri), enableFindWidget: true },
  );
  adopt(ctx, panel, issueId);
}

export function registerIssuePanelSerializer(ctx: EditorContext): vscode.Disposable {
  const registration = vscode.window.registerWebviewPanelSerializer(issuePanelViewType, {
    deserializeWebviewPanel: async (panel, state: unknown) => {
      const restored = parsePageState(state);
      const open = restored ? panelsOf(ctx).get(restored.issueId) : undefined;
      if (!restored || open) {
        // Nothing to restore, or the issue is already open again: one panel per issue.
        panel.dispose();
        open?.reveal();
        return;
      }
      adopt(ctx, panel, restored.issueId);
    },
  });
  return new vscode.Disposable(() => {
    registration.dispose();
    for (const panel of [...panelsOf(ctx).values()]) panel.dispose();
  });
}
