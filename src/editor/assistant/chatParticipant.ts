// The `@sentry` chat participant: `/explain` and `/fix` an issue (named, or the one under the cursor) with the model the
// user chose, grounded in the same context the tools give (core/assistant), and the workspace lines it names as anchors.
import * as vscode from 'vscode';
import {
  assistantRequests,
  chatParticipantId,
  requestPrompt,
  type AssistantRequest,
} from '../../core/assistant/assistantRequests';
import type { GroundedIssue } from '../../core/assistant/assistantWorkspace';
import type { MarkedLines } from '../markedLines';
import type { EditorAssistant } from './editorAssistant';
import { namedIssue } from './issueReference';

export function registerChatParticipant(
  assistant: EditorAssistant,
  marks: MarkedLines,
  extensionUri: vscode.Uri,
): vscode.Disposable {
  const participant = vscode.chat.createChatParticipant(chatParticipantId, (request, _context, stream, token) =>
    answer(request, stream, token, assistant, marks),
  );
  participant.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'sentry.svg');
  return participant;
}

async function answer(
  request: vscode.ChatRequest,
  stream: vscode.ChatResponseStream,
  token: vscode.CancellationToken,
  assistant: EditorAssistant,
  marks: MarkedLines,
): Promise<vscode.ChatResult> {
  const kind: AssistantRequest = assistantRequests.find((entry) => entry === request.command) ?? 'explain';
  const named = namedIssue(request.prompt, { marks, editor: vscode.window.activeTextEditor });
  if (!named) {
    stream.markdown(
      text(
        `Name an issue, e.g. @sentry /${kind} SHOP-1A (list_issues and the Sentry view show their ids), or put the cursor on a line Sentry marked and ask again.`,
      ),
    );
    return {};
  }
  stream.progress(`Reading the context of ${named.reference} from Sentry…`);
  const grounded = await assistant.grounded(named.reference);
  if (!grounded.ok) {
    stream.markdown(text(`Sentry could not answer: ${grounded.error.message}`));
    return { errorDetails: { message: grounded.error.message } };
  }
  const model = request.model ?? (await vscode.lm.selectChatModels())[0];
  if (!model) {
    stream.markdown(
      text(
        'No language model is available in this editor: sign in to a chat provider, or use Explain with AI, which copies this context for any assistant.',
      ),
    );
    return {};
  }
  const reply = await model.sendRequest(
    [vscode.LanguageModelChatMessage.User(requestPrompt(kind, grounded.value, named.words))],
    {},
    token,
  );
  for await (const part of reply.text) stream.markdown(part);
  anchorLines(grounded.value, stream);
  return { metadata: { issue: grounded.value.issue.id, request: kind } };
}

/** The workspace lines of the issue's frames, innermost first, as links the user can open. */
function anchorLines(grounded: GroundedIssue, stream: vscode.ChatResponseStream): void {
  const lines = grounded.lines.slice(0, 10);
  if (lines.length === 0) return;
  stream.markdown(text(`\n\nWorkspace lines of ${grounded.issue.shortId}: `));
  lines.forEach((entry, index) => {
    const uri = vscode.Uri.joinPath(vscode.Uri.file(entry.folder), entry.file);
    stream.anchor(
      new vscode.Location(uri, new vscode.Position(Math.max(0, entry.line - 1), 0)),
      `${entry.file}:${entry.line}`,
    );
    if (index < lines.length - 1) stream.markdown(' ');
  });
}

/** Server and user text as literal Markdown text. */
function text(value: string): vscode.MarkdownString {
  return new vscode.MarkdownString().appendText(value);
}
