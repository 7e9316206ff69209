// The assistant's tools (core/assistant/assistantTools) as the editor's language-model tools, for its agent: the
// names are `sentry_<tool>` as package.json contributes them; triage asks the user first (prepareInvocation).
import * as vscode from 'vscode';
import { assistantTools, type AssistantTool } from '../../core/assistant/assistantTools';
import type { IssueAssistant } from '../../core/assistant/assistantWorkspace';

/** The editor's name of an assistant tool, as `contributes.languageModelTools` lists it. */
export function languageModelToolName(tool: Pick<AssistantTool, 'name'>): string {
  return `sentry_${tool.name}`;
}

export function registerLanguageModelTools(assistant: IssueAssistant): vscode.Disposable {
  return vscode.Disposable.from(
    ...assistantTools.map((tool) =>
      vscode.lm.registerTool<unknown>(languageModelToolName(tool), {
        prepareInvocation: (options) => {
          const confirmation = tool.confirmation?.(options.input);
          return confirmation
            ? {
                invocationMessage: `${tool.title}…`,
                confirmationMessages: {
                  title: confirmation.title,
                  message: new vscode.MarkdownString().appendText(confirmation.message),
                },
              }
            : { invocationMessage: `${tool.title}…` };
        },
        invoke: async (options) => {
          const answer = await tool.run(assistant, options.input);
          return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(answer.text)]);
        },
      }),
    ),
  );
}
