// Which of the editor's AI APIs this VS Code has, told at run time: they are newer than or absent from some editors the
// extension supports (engines.vscode 1.95; forks without Copilot's chat), which keep every other feature. The MCP server
// definition provider (VS Code 1.101) is missing from the @types/vscode 1.95 this builds against, so its narrow shape
// is declared here.
import * as vscode from 'vscode';

/** `vscode.lm.registerMcpServerDefinitionProvider` and the stdio definition, as far as this extension uses them. */
export interface McpStdioDefinition {
  readonly label: string;
  command: string;
  args: string[];
  env: Record<string, string | number | null>;
  cwd?: vscode.Uri;
  version?: string;
}

export interface McpServerDefinitionProvider<T extends McpStdioDefinition> {
  readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<T[]>;
  resolveMcpServerDefinition?(server: T, token: vscode.CancellationToken): vscode.ProviderResult<T>;
}

interface McpApi {
  readonly registerMcpServerDefinitionProvider: (
    id: string,
    provider: McpServerDefinitionProvider<McpStdioDefinition>,
  ) => vscode.Disposable;
  readonly McpStdioServerDefinition: new (
    label: string,
    command: string,
    args?: string[],
    env?: Record<string, string | number | null>,
    version?: string,
  ) => McpStdioDefinition;
}

/** The language-model tool API (VS Code 1.95+), where the editor has it. */
export function hasLanguageModelTools(): boolean {
  return typeof (vscode.lm as Partial<typeof vscode.lm> | undefined)?.registerTool === 'function';
}

/** Chat participants (VS Code 1.90+); forks without a chat lack them. */
export function hasChatParticipants(): boolean {
  return typeof (vscode.chat as Partial<typeof vscode.chat> | undefined)?.createChatParticipant === 'function';
}

/** MCP server definitions (VS Code 1.101+), or undefined. */
export function mcpApi(): McpApi | undefined {
  const lm = vscode.lm as unknown as Partial<McpApi> | undefined;
  const definition = (vscode as unknown as Partial<McpApi>).McpStdioServerDefinition;
  return typeof lm?.registerMcpServerDefinitionProvider === 'function' && typeof definition === 'function'
    ? {
        registerMcpServerDefinitionProvider: lm.registerMcpServerDefinitionProvider.bind(lm),
        McpStdioServerDefinition: definition,
      }
    : undefined;
}
