// Which issue a chat request is about: the one it names (a short id such as SHOP-1A or a numeric id, first in the
// prompt), else the strongest issue on the cursor's line; the rest of the prompt is the user's own words.
import type * as vscode from 'vscode';
import type { MarkedLines } from '../markedLines';

export interface NamedIssue {
  /** The issue id or short id, as the assistant's tools take it. */
  readonly reference: string;
  readonly words: string;
}

/** A short id (PROJECT-SUFFIX, letters, digits, dashes) or a numeric id, as the first word of the prompt. */
const issueWord = /^\s*([A-Za-z0-9][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)+|\d{1,20})\b/;

export function namedIssue(
  prompt: string,
  cursor: { marks: MarkedLines; editor: vscode.TextEditor | undefined },
): NamedIssue | undefined {
  const named = issueWord.exec(prompt);
  if (named?.[1]) return { reference: named[1], words: prompt.slice(named[0].length).trim() };
  const editor = cursor.editor;
  const hit = editor ? cursor.marks.hitsAt(editor.document, editor.selection.active.line)[0] : undefined;
  return hit ? { reference: hit.issueId, words: prompt.trim() } : undefined;
}
