// Loads what a replay shows: the issue's latest event, its frames resolved to today's workspace lines (the panel's
// resolver and drift data), turned into the core's Replay. Failures come back as one sentence for the user.
import * as vscode from 'vscode';
import { stackOfEvent } from '../../core/api/eventSchema';
import { frameKey } from '../../core/format/exceptionView';
import { replayOfStack, type Replay } from '../../core/replay/replayModel';
import { err, ok, type Result } from '../../core/result';
import type { EditorContext } from '../ctx';
import { loadPanelIssue } from '../panel/panelModel';

export interface LoadedReplay {
  readonly replay: Replay;
  /** The folder the issue was loaded for: the debug session runs in it. */
  readonly folder?: vscode.WorkspaceFolder;
}

export async function loadReplay(ctx: EditorContext, issueId: string): Promise<Result<LoadedReplay, string>> {
  const loaded = await loadPanelIssue(ctx, issueId);
  if (!loaded.ok) return err(`Sentry: could not load the issue to replay: ${loaded.error.message}`);
  const { details, links } = loaded.value;
  if (!details.event) return err('Sentry: this issue has no event to replay.');
  const replay = replayOfStack(
    `${details.issue.shortId}: ${details.issue.title}`,
    stackOfEvent(details.event),
    (frame) => {
      const link = links.get(frameKey(frame));
      return link ? { path: vscode.Uri.parse(link.uri).fsPath, line: link.line } : undefined;
    },
  );
  if (replay.threads.every((thread) => thread.frames.length === 0))
    return err("Sentry: this issue's latest event has no stack trace to replay.");
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(details.folderPath));
  return ok({ replay, ...(folder ? { folder } : {}) });
}
