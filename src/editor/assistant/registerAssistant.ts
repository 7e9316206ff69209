// Wires the editor's AI hand-off: Explain/Fix with AI, and, where this VS Code has their APIs, the language-model tools,
// the @sentry chat participant and the MCP server definitions; the output log says which it has.
import * as vscode from 'vscode';
import type { Logger } from '../../core/log';
import { commandIds } from '../commandIds';
import type { SentryContext } from '../sentryContext';
import type { MarkedLines } from '../markedLines';
import { askAssistant } from './askAssistant';
import { hasChatParticipants, hasLanguageModelTools, mcpApi } from './chatApis';
import { registerChatParticipant } from './chatParticipant';
import { EditorAssistant } from './editorAssistant';
import { languageModelToolName, registerLanguageModelTools } from './languageModelTools';
import { registerMcpServerDefinitions } from './mcpServerDefinitions';
import { assistantTools } from '../../core/assistant/assistantTools';

export function registerAssistant(
  ctx: SentryContext,
  marks: MarkedLines,
  extensionUri: vscode.Uri,
  log: Logger,
): vscode.Disposable {
  const assistant = new EditorAssistant(ctx);
  const parts: vscode.Disposable[] = [
    vscode.commands.registerCommand(commandIds.explainWithAi, (arg?: unknown) =>
      askAssistant('explain', arg, ctx, assistant),
    ),
    vscode.commands.registerCommand(commandIds.fixWithAi, (arg?: unknown) => askAssistant('fix', arg, ctx, assistant)),
  ];
  const found: string[] = [];
  if (hasLanguageModelTools()) {
    parts.push(registerLanguageModelTools(assistant));
    const names = new Set(assistantTools.map(languageModelToolName));
    found.push(
      `language-model tools ${vscode.lm.tools
        .filter((tool) => names.has(tool.name))
        .map((tool) => tool.name)
        .join(', ')}`,
    );
  }
  if (hasChatParticipants()) {
    parts.push(registerChatParticipant(assistant, marks, extensionUri));
    found.push('chat participant @sentry (/explain, /fix)');
  }
  const mcp = mcpApi();
  if (mcp) {
    parts.push(registerMcpServerDefinitions(mcp, ctx, extensionUri));
    found.push('MCP server definitions');
  }
  log.info(
    `AI assistant in VS Code ${vscode.version}: ${found.length > 0 ? found.join('; ') : 'no chat or language-model API here; Explain with AI copies the context instead'}`,
  );
  return vscode.Disposable.from(...parts);
}
