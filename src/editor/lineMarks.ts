// Registers everything that marks lines with Sentry issues: after-line decorations, hover cards, CodeLens and
// Problems-panel diagnostics, all over one MarkedLines so they agree while the user edits (and on the marks filter).
import * as vscode from 'vscode';
import { registerIssueCodeLens } from './codeLens';
import type { EditorContext } from './ctx';
import { registerLineDecorations } from './decorations';
import { registerIssueDiagnostics } from './diagnostics';
import { registerIssueHover } from './hover';
import { MarkedLines } from './markedLines';

/** Takes over `marks` (they are disposed with the surfaces); the commands read the cursor's issues from them too. */
export function registerLineMarks(ctx: EditorContext, marks: MarkedLines): vscode.Disposable {
  marks.setFilter(ctx.settings.marksShow);
  // Disposed in reverse: the surfaces stop listening before the marks they read go away.
  const surfaces = [
    registerLineDecorations(ctx, marks),
    registerIssueHover(ctx, marks),
    registerIssueCodeLens(ctx, marks),
    registerIssueDiagnostics(ctx, marks),
  ];
  // `sentryInsight.marks.show` filters what every surface reads, so they all follow it at once.
  const filterListener = ctx.settings.onDidChange(() => marks.setFilter(ctx.settings.marksShow));
  return new vscode.Disposable(() => {
    filterListener.dispose();
    for (const surface of surfaces.reverse()) surface.dispose();
    marks.dispose();
  });
}
