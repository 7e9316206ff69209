// Registers the assistant's tools (core/assistant/assistantTools) with the MCP SDK's server: their descriptions and
// input schemas as they are, each answer as one text part, a failure as `isError`.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { assistantTools } from '../core/assistant/assistantTools';
import type { IssueAssistant } from '../core/assistant/assistantWorkspace';

export function registerAssistantTools(server: McpServer, assistant: IssueAssistant): void {
  for (const tool of assistantTools) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input.shape,
        annotations: { title: tool.title, ...tool.annotations },
      },
      async (input: unknown) => {
        const answer = await tool.run(assistant, input);
        return {
          content: [{ type: 'text' as const, text: answer.text }],
          ...(answer.isError ? { isError: true } : {}),
        };
      },
    );
  }
}
