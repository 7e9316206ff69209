// Registers the palette and navigation commands; each is a small function over the context and the surfaces it opens.
import * as vscode from 'vscode';
import { commandIds } from './commandIds';
import type { EditorContext } from './ctx';
import { issueIdsFromArgs } from './issueRef';
import { registerOpenCommit } from './openCommit';
import { registerTriageCommands } from './triageCommands';

/** What commands open that other surfaces own: the panel, the pickers, sign-in, the status bar menu. */
export interface CommandSurfaces {
  showIssuePanel(issueId: string): void;
  /** The issue to show when the command names none: the cursor line's, else one picked from all. */
  pickIssueToShow(): Promise<string | undefined>;
  signIn(): Promise<unknown>;
  signOut(): Promise<unknown>;
  selectProject(): Promise<unknown>;
  selectRelease(): Promise<unknown>;
  selectEnvironment(): Promise<unknown>;
  statusBarMenu(): Promise<unknown>;
}

export function registerCommands(
  ctx: EditorContext,
  channel: vscode.LogOutputChannel,
  surfaces: CommandSurfaces,
): vscode.Disposable {
  const register = (id: string, run: (...args: unknown[]) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(id, run);
  const firstIssue = (args: unknown[]): string | undefined => issueIdsFromArgs(args)[0];
  return vscode.Disposable.from(
    register(commandIds.showOutput, () => channel.show(true)),
    register(commandIds.refresh, () => ctx.refresh()),
    register(commandIds.signIn, () => surfaces.signIn()),
    register(commandIds.signOut, () => surfaces.signOut()),
    register(commandIds.selectProject, () => surfaces.selectProject()),
    register(commandIds.selectRelease, () => surfaces.selectRelease()),
    register(commandIds.selectEnvironment, () => surfaces.selectEnvironment()),
    register(commandIds.statusBarMenu, () => surfaces.statusBarMenu()),
    register(commandIds.toggleAnnotations, () =>
      ctx.settings.setGlobal('inlineAnnotations.enabled', !ctx.settings.inlineAnnotations),
    ),
    register(commandIds.toggleNewInReleaseMarks, () => toggleNewInReleaseMarks(ctx)),
    register(commandIds.showIssueDetails, async (...args) => {
      const issueId = firstIssue(args) ?? (await surfaces.pickIssueToShow());
      if (issueId) surfaces.showIssuePanel(issueId);
    }),
    register(commandIds.openInSentry, (...args) => {
      const url = withIssueUrl(ctx, firstIssue(args));
      if (url) void vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    register(commandIds.copyLink, async (...args) => {
      const url = withIssueUrl(ctx, firstIssue(args));
      if (!url) return;
      await vscode.env.clipboard.writeText(url);
      vscode.window.setStatusBarMessage('$(check) Sentry issue link copied', 3000);
    }),
    register(commandIds.openFrame, (target: unknown) => openFrame(target)),
    registerTriageCommands(ctx),
    registerOpenCommit(),
  );
}

async function toggleNewInReleaseMarks(ctx: EditorContext): Promise<void> {
  const next = ctx.settings.marksShow === 'all' ? 'newInRelease' : 'all';
  await ctx.settings.setGlobal('marks.show', next);
  vscode.window.setStatusBarMessage(
    next === 'all' ? '$(eye) Sentry marks: all issues' : '$(sparkle) Sentry marks: issues new in this release only',
    3000,
  );
}

function withIssueUrl(ctx: EditorContext, issueId: string | undefined): string | undefined {
  const url = issueId ? ctx.issueUrl(issueId) : undefined;
  if (url) return url;
  // The local Sentry is an API without web pages: its issues have nowhere to open but the issue panel.
  const message =
    issueId && ctx.store.findIssue(issueId)
      ? 'Sentry: issues of the local Sentry have no web page; Show Issue Details opens them here.'
      : 'Sentry: select an issue first.';
  void vscode.window.showInformationMessage(message);
  return undefined;
}

/** Opens a workspace file at a 1-based line; the target comes from our own resolver, never straight from event text. */
async function openFrame(target: unknown): Promise<void> {
  const { uri, line } = (target ?? {}) as { uri?: unknown; line?: unknown };
  if (typeof uri !== 'string' || typeof line !== 'number') return;
  const file = vscode.Uri.parse(uri);
  if (file.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(file)) return;
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  // Open beside the code, not over the issue panel that asked (its group is the active one then).
  const column = vscode.window.visibleTextEditors[0]?.viewColumn ?? vscode.ViewColumn.One;
  await vscode.window.showTextDocument(file, {
    selection: new vscode.Range(position, position),
    preview: true,
    viewColumn: column,
  });
}
