// The tools `sentry-insight mcp` offers an AI assistant, with descriptions written for the model: what each is for and
// when to call it. Each answers text; a failure answers `isError` with what went wrong and what to do.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ApiError } from '../core/api/errors';
import type { IssueChange } from '../core/api/issueChange';
import type { AssistantWorkspace } from '../core/assistant/assistantWorkspace';
import { defaultBreadcrumbs, defaultContextBytes } from '../core/assistant/issueContext';
import type { Result } from '../core/result';
import { issueListText, issueFilterKinds, type IssueFilter } from '../core/assistant/issueList';

interface ToolAnswer {
  [key: string]: unknown;
  content: Array<{ type: 'text'; text: string }>;
  isError?: boolean;
}

function answer(text: string): ToolAnswer {
  return { content: [{ type: 'text', text }] };
}

function failure(error: ApiError): ToolAnswer {
  return { content: [{ type: 'text', text: `Sentry could not answer: ${error.message}` }], isError: true };
}

function answerOf(result: Result<string, ApiError>): ToolAnswer {
  return result.ok ? answer(result.value) : failure(result.error);
}

const issueReference = z.string().min(1).max(200).describe('The issue: its numeric id (e.g. "1001") or its short id (e.g. "SHOP-WEB-1A"), as list_issues shows them.');

export function registerAssistantTools(server: McpServer, workspace: AssistantWorkspace): void {
  server.registerTool(
    'list_issues',
    {
      title: 'List Sentry issues in this workspace',
      description:
        "Lists the unresolved Sentry issues of the release this workspace runs whose stack traces pass through the workspace's own files, with the file:line of each frame (where it was raised and its callers), event and user counts, and the issue's story in the release (new, regressed or carried over). Call it first when the user asks what is failing, which errors touch a file, or what is new or regressed in this release; then call issue_context for one issue.",
      inputSchema: {
        file: z.string().max(500).optional().describe('Only issues with a frame in a workspace file whose path contains this text (e.g. "src/cart.ts" or "cart").'),
        level: z.enum(['fatal', 'error', 'warning', 'info', 'debug']).optional().describe('Only issues of this level.'),
        story: z.enum(issueFilterKinds).optional().describe('Only issues new in this release, regressed (back after a fix), or carried over from an earlier release.'),
        text: z.string().max(500).optional().describe("Only issues whose title, culprit or short id contains this text (case-insensitive)."),
      },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async (filter: IssueFilter) => {
      const loaded = await workspace.issues();
      return loaded.ok ? answer(issueListText(loaded.value, filter)) : failure(loaded.error);
    },
  );

  server.registerTool(
    'issue_context',
    {
      title: 'Context of one Sentry issue',
      description: `Gives one issue's evidence, grounded in this workspace: the exception chain (thrown first, then its causes), each stack's frames innermost first with the workspace file:line they resolve to today and the current source lines around it (marked when the code moved or changed since the release), the latest breadcrumbs, the event's tags and the release story. Secrets and personal data are scrubbed ([Filtered]); the text is capped (${defaultContextBytes} bytes by default) with a note of what was cut. Call it before explaining or fixing an issue.`,
      inputSchema: {
        issue: issueReference,
        breadcrumbs: z.number().int().min(0).max(100).optional().describe(`How many of the latest breadcrumbs to include (default ${defaultBreadcrumbs}).`),
      },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async ({ issue, breadcrumbs }) => answerOf(await workspace.context(issue, breadcrumbs === undefined ? {} : { breadcrumbs })),
  );

  const triageTool = (name: string, title: string, description: string, change: IssueChange, done: string): void => {
    server.registerTool(
      name,
      { title, description, inputSchema: { issue: issueReference }, annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true } },
      async ({ issue }) => {
        const changed = await workspace.triage(issue, change);
        return changed.ok ? answer(`${changed.value.shortId} (id ${changed.value.id}) ${done}.`) : failure(changed.error);
      },
    );
  };
  triageTool(
    'resolve_issue',
    'Resolve a Sentry issue',
    "Marks the issue resolved on the Sentry server for everyone on the team (it reopens as regressed if it happens again). Call it only when the user asks to resolve it, e.g. after a fix is committed; never on your own initiative.",
    { action: 'resolve' },
    'is now resolved',
  );
  triageTool(
    'archive_issue',
    'Archive a Sentry issue',
    'Archives (ignores) the issue on the Sentry server for everyone on the team until it escalates. Call it only when the user asks to archive or ignore it; never on your own initiative.',
    { action: 'archive', until: 'escalating' },
    'is now archived until it escalates',
  );
}
