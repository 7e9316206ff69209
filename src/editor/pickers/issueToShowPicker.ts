// Which issue Sentry: Show Issue Details (or Replay in Debugger) opens when no issue was named: the issue marked on the
// cursor's line (a pick among that line's issues when it has several), and a pick among every loaded issue only where
// the line has none.
import * as vscode from 'vscode';
import type { Issue } from '../../core/api/issueSchema';
import { plural } from '../../core/format/counts';
import { pickText } from '../../core/format/untrustedText';
import type { LineHit } from '../../core/index/issueIndex';
import type { EditorContext } from '../ctx';
import type { MarkedLines } from '../markedLines';

type IssueItem = vscode.QuickPickItem & { readonly issueId: string };

/** The titles of the picks, by what the command does with the issue. */
export interface IssuePickTitles {
  readonly ofLine: string;
  readonly ofAll: string;
}

const showTitles: IssuePickTitles = { ofLine: 'Show which Sentry issue of this line?', ofAll: 'Show Sentry issue' };

export async function pickIssueToShow(
  ctx: Pick<EditorContext, 'store'>,
  marks: MarkedLines,
  titles = showTitles,
): Promise<string | undefined> {
  const onLine = hitsAtCursor(marks);
  if (onLine.length === 1) return onLine[0]?.issueId;
  if (onLine.length > 1)
    return pick(
      onLine.map((hit) => itemOf(hit.issueId, ctx.store.findIssue(hit.issueId)?.issue ?? hit)),
      titles.ofLine,
    );
  const all = ctx.store
    .allFolders()
    .flatMap((folder) => (folder.snapshot?.issues ?? []).map((issue) => itemOf(issue.id, issue)));
  if (all.length === 0) {
    void vscode.window.showInformationMessage('Sentry: no issues are loaded for this workspace.');
    return undefined;
  }
  return pick(all, titles.ofAll);
}

/** The marked issues of the active editor's cursor line, strongest first, as its hover lists them. */
function hitsAtCursor(marks: MarkedLines): readonly LineHit[] {
  const editor = vscode.window.activeTextEditor;
  return editor ? marks.hitsAt(editor.document, editor.selection.active.line) : [];
}

function itemOf(issueId: string, issue: Pick<Issue, 'title' | 'shortId' | 'count'>): IssueItem {
  return {
    label: pickText(issue.title, 200),
    description: `${pickText(issue.shortId, 40)} · ${plural(issue.count, 'event')}`,
    issueId,
  };
}

async function pick(items: readonly IssueItem[], title: string): Promise<string | undefined> {
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true }))?.issueId;
}
