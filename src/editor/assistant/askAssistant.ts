// Explain with AI / Fix with AI for one issue (hover, panel, palette): where the editor has a chat and a language model,
// opens the chat on `@sentry /explain SHOP-1A`, which reads the issue's context itself; elsewhere copies the same
// request and grounded context to the clipboard for any assistant, and says so. Nothing is sent by either: the user
// sends the chat message or pastes the text.
import * as vscode from 'vscode';
import { chatQuery, requestPrompt, type AssistantRequest } from '../../core/assistant/assistantRequests';
import type { EditorContext } from '../ctx';
import { hasChatParticipants } from './chatApis';
import type { EditorAssistant } from './editorAssistant';

/** The command that opens the chat with a query, where the editor has one. */
const openChatCommand = 'workbench.action.chat.open';

/** The issue id from a command's argument: a hover link passes the id, tree and panel `{ issueId }`. */
function issueIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg !== '') return arg;
  const id = (arg as { issueId?: unknown } | undefined)?.issueId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export async function askAssistant(
  kind: AssistantRequest,
  arg: unknown,
  ctx: EditorContext,
  assistant: EditorAssistant,
): Promise<void> {
  const issueId =
    issueIdOf(arg) ??
    (
      await vscode.window.showInputBox({
        title: kind === 'explain' ? 'Explain with AI' : 'Fix with AI',
        prompt: 'The issue: its short id (e.g. SHOP-1A) or numeric id',
      })
    )?.trim();
  if (!issueId) return;
  const shortId = ctx.store.findIssue(issueId)?.issue.shortId ?? issueId;
  if (await canOpenChat()) {
    await vscode.commands.executeCommand(openChatCommand, { query: chatQuery(kind, shortId), isPartialQuery: false });
    return;
  }
  const grounded = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Reading the context of ${shortId}` },
    () => assistant.grounded(issueId),
  );
  if (!grounded.ok) {
    void vscode.window.showErrorMessage(`Sentry: ${grounded.error.message}`);
    return;
  }
  await vscode.env.clipboard.writeText(requestPrompt(kind, grounded.value));
  void vscode.window.showInformationMessage(
    `Sentry: this editor has no AI chat with a language model, ` +
      `so the ${kind === 'explain' ? 'explanation' : 'fix'} request and the scrubbed context of ` +
      `${grounded.value.issue.shortId} were copied to the clipboard. ` +
      `Paste them into your assistant.`,
  );
}

/** A chat that can answer: the participant API, the chat's open command, and at least one language model. */
async function canOpenChat(): Promise<boolean> {
  if (!hasChatParticipants() || typeof vscode.lm?.selectChatModels !== 'function') return false;
  const [commands, models] = await Promise.all([
    vscode.commands.getCommands(true),
    Promise.resolve(vscode.lm.selectChatModels()).catch(() => []),
  ]);
  return commands.includes(openChatCommand) && models.length > 0;
}
