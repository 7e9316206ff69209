// `sentry-insight mcp`: serves the Model Context Protocol over stdio, so an AI assistant can list the workspace
// release's issues, read one issue's grounded context and triage, through the user's own Sentry connection.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { defaultStatsPeriod } from '../core/api/statsPeriod';
import type { ParsedArgs } from './args';
import {
  connectionArgs,
  connectionOptionsHelp,
  connectionSourcesHelp,
  connectionSwitches,
  exitCodes,
  type CommandIo,
} from './commandOptions';
import { commonSwitches, type CommandSpec } from './commandSpec';
import { registerAssistantTools } from './mcpTools';
import { connectWorkspace } from './workspaceConnection';

/** What the server tells the client it is; the version is the tool set's, raised when a tool's contract changes. */
const serverInfo = { name: 'sentry-insight', version: '1.0.0' };

export const mcpSpec: CommandSpec = {
  name: 'mcp',
  summary: "Serve the workspace's Sentry issues to an AI assistant over the Model Context Protocol (stdio).",
  args: { valued: [...connectionArgs], switches: [...connectionSwitches, ...commonSwitches] },
  help: `Usage: sentry-insight mcp [options]

Serves the Model Context Protocol over stdin and stdout, for an AI assistant (VS Code, Cursor, Claude…) that
starts it as a local server. Its tools:
  list_issues     the release's unresolved issues whose frames touch the workspace (filters: file, level,
                  story new/regressed/carried, text)
  issue_context   one issue's exception chain, frames resolved to workspace lines with today's source
                  around them, suspect commit, local variables, breadcrumbs, tags and release story;
                  scrubbed and capped in size
  compare_releases  the release against an earlier one: issues new, regressed and gone
  resolve_issue   resolve an issue on the server (destructive: the assistant asks first)
  archive_issue   archive an issue until it escalates (destructive: the assistant asks first)
  assign_issue    assign an issue to a member or team (destructive: the assistant asks first)
The assistant reads through your own token and sees only what the tools answer, scrubbed of secrets and
personal data. Logs go to stderr.

Options:
${connectionOptionsHelp(defaultStatsPeriod, false)}

${connectionSourcesHelp}

Examples (the command an assistant's mcp.json runs):
  sentry-insight mcp
  sentry-insight mcp --workspace ~/src/shop --org acme --project shop
  sentry-insight mcp --url http://127.0.0.1:8963 --org local --project 1

Exit status: 0 when the client closes the connection, 2 a configuration or authentication problem found at start.
`,
};

export async function runMcp(args: ParsedArgs, io: CommandIo, stopped: Promise<void>): Promise<number> {
  const connected = await connectWorkspace(args, io);
  if (!connected.ok) return connected.error;
  const { workspace, client, org, project, options } = connected.value;
  const log = options.log;
  const server = new McpServer(serverInfo);
  registerAssistantTools(server, workspace);
  const closed = new Promise<void>((done) => {
    server.server.onclose = () => done();
    process.stdin.once('end', () => done());
  });
  try {
    await server.connect(new StdioServerTransport());
    log.info(`Serving MCP for ${org}/${project} on stdio`);
    await Promise.race([closed, stopped]);
  } finally {
    await server.close().catch(() => undefined);
    await client.close();
  }
  return exitCodes.ok;
}
