// Offers the editor's agent our MCP server with no mcp.json: one `sentry-insight mcp` per connected folder, run by the
// editor's own Node from the extension's dist/cli.js with the folder's server, organization, project, release and
// environments as arguments. The signed-in session's token goes into the child's environment when the editor starts
// it (resolveMcpServerDefinition), never into its arguments, the definitions the editor lists, or a log.
import * as vscode from 'vscode';
import type { EditorContext } from '../ctx';
import type { McpStdioDefinition, mcpApi } from './chatApis';

export const mcpProviderId = 'sentryInsight.mcpServers';

export function registerMcpServerDefinitions(
  api: NonNullable<ReturnType<typeof mcpApi>>,
  ctx: EditorContext & { readonly onDidFinishRefresh: vscode.Event<void> },
  extensionUri: vscode.Uri,
): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const cliPath = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.js').fsPath;
  const labelOf = (name: string) => `Sentry Insight: ${name}`;
  const provider = api.registerMcpServerDefinitionProvider(mcpProviderId, {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () =>
      ctx.connectedFolders().map(({ folderPath, name, connection }) => {
        const { url, org, project } = connection.key;
        const args = [cliPath, 'mcp', '--workspace', folderPath, '--url', url, '--org', org, '--project', project];
        if (connection.release) args.push('--release', connection.release);
        for (const environment of connection.environments) args.push('--environment', environment);
        // The extension host's executable runs as plain Node with this flag (Electron in VS Code, Node in code-server).
        return new api.McpStdioServerDefinition(labelOf(name), process.execPath, args, { ELECTRON_RUN_AS_NODE: '1' });
      }),
    resolveMcpServerDefinition: (server: McpStdioDefinition) => {
      const folder = ctx.connectedFolders().find((entry) => labelOf(entry.name) === server.label);
      if (!folder) return undefined;
      // null unsets a SENTRY_AUTH_TOKEN the editor's own environment may carry: the folder's connection decides.
      server.env = { ...server.env, SENTRY_AUTH_TOKEN: folder.connection.token ?? null };
      return server;
    },
  });
  return vscode.Disposable.from(
    provider,
    changed,
    ctx.onDidFinishRefresh(() => changed.fire()),
  );
}
