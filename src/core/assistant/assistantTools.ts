// The tools an AI assistant gets, in one place for both hosts: `sentry-insight mcp` registers them with the MCP SDK and
// the editor as language-model tools. Each has a name, a description written for the model (what it is for, when to
// call it), a zod input, annotations, for triage a confirmation to show the user first, and a run over an
// IssueAssistant that answers text (a failure says what went wrong and what to do).
import { z } from 'zod';
import type { ApiError } from '../api/errors';
import type { IssueChange } from '../api/issueChange';
import type { Result } from '../result';
import type { IssueAssistant } from './assistantWorkspace';
import { defaultBreadcrumbs, defaultContextBytes } from './issueContext';
import { issueFilterKinds } from './issueList';

export interface ToolAnswer {
  readonly text: string;
  readonly isError: boolean;
}

/** The hints MCP clients read: triage changes the issue for the whole team, so it is destructive. */
export interface ToolAnnotations {
  readonly readOnlyHint: boolean;
  readonly destructiveHint?: boolean;
  readonly idempotentHint?: boolean;
  readonly openWorldHint: boolean;
}

export interface AssistantTool {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly input: z.ZodObject<z.ZodRawShape>;
  readonly annotations: ToolAnnotations;
  /** What to ask the user before running it (triage only); the input is the model's, checked by `input`. */
  confirmation?(input: unknown): { readonly title: string; readonly message: string } | undefined;
  run(assistant: IssueAssistant, input: unknown): Promise<ToolAnswer>;
}

function answerOf(result: Result<string, ApiError>): ToolAnswer {
  return result.ok
    ? { text: result.value, isError: false }
    : failure(`Sentry could not answer: ${result.error.message}`);
}

function failure(text: string): ToolAnswer {
  return { text, isError: true };
}

/** A tool whose run gets its input parsed by its own schema; a model's bad input is answered, never thrown. */
function tool<S extends z.ZodRawShape>(definition: {
  name: string;
  title: string;
  description: string;
  input: S;
  annotations: ToolAnnotations;
  confirm?: (input: z.infer<z.ZodObject<S>>) => { title: string; message: string };
  run: (assistant: IssueAssistant, input: z.infer<z.ZodObject<S>>) => Promise<ToolAnswer>;
}): AssistantTool {
  const schema = z.object(definition.input);
  const parse = (input: unknown) => schema.safeParse(input ?? {});
  return {
    name: definition.name,
    title: definition.title,
    description: definition.description,
    input: schema,
    annotations: definition.annotations,
    confirmation: (input) => {
      const parsed = parse(input);
      return parsed.success && definition.confirm ? definition.confirm(parsed.data) : undefined;
    },
    run: async (assistant, input) => {
      const parsed = parse(input);
      if (!parsed.success) return failure(`Bad input for ${definition.name}: ${z.prettifyError(parsed.error)}`);
      return definition.run(assistant, parsed.data);
    },
  };
}

const issueReference = z
  .string()
  .min(1)
  .max(200)
  .describe('The issue: its numeric id (e.g. "1001") or its short id (e.g. "SHOP-WEB-1A"), as list_issues shows them.');
const readOnly: ToolAnnotations = { readOnlyHint: true, openWorldHint: true };
const destructive: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
  openWorldHint: true,
};

const listIssues = tool({
  name: 'list_issues',
  title: 'List Sentry issues in this workspace',
  description:
    'Lists the unresolved Sentry issues of the release this workspace runs whose stack traces ' +
    "pass through the workspace's own files, with the file:line of each frame (where it was " +
    "raised and its callers), event and user counts, and the issue's story in the release " +
    '(new, regressed or carried over). Call it first when the user asks what is failing, ' +
    'which errors touch a file, or what is new or regressed in this release; ' +
    'then call issue_context for one issue.',
  input: {
    file: z
      .string()
      .max(500)
      .optional()
      .describe(
        'Only issues with a frame in a workspace file whose path contains this text (e.g. "src/cart.ts" or "cart").',
      ),
    level: z.enum(['fatal', 'error', 'warning', 'info', 'debug']).optional().describe('Only issues of this level.'),
    story: z
      .enum(issueFilterKinds)
      .optional()
      .describe(
        'Only issues new in this release, regressed (back after a fix), or carried over from an earlier release.',
      ),
    text: z
      .string()
      .max(500)
      .optional()
      .describe('Only issues whose title, culprit or short id contains this text (case-insensitive).'),
  },
  annotations: readOnly,
  run: async (assistant, filter) => answerOf(await assistant.issueList(filter)),
});

const issueContext = tool({
  name: 'issue_context',
  title: 'Context of one Sentry issue',
  description:
    `Gives one issue's evidence, grounded in this workspace: ` +
    `the exception chain (thrown first, then its causes), ` +
    `each stack's frames innermost first with the workspace file:line they resolve to today ` +
    `and the current source lines around it (marked when the code moved or changed since the ` +
    `release), the commit that last changed the first of those lines, ` +
    `the raising file's code owners (CODEOWNERS), the local variables the SDK recorded, ` +
    `the latest breadcrumbs, the event's tags and the release story. ` +
    `Secrets and personal data are scrubbed ([Filtered]); ` +
    `the text is capped (${defaultContextBytes} bytes by default) with a note of what was cut. ` +
    `Call it before explaining or fixing an issue, and cite the workspace file:line it names.`,
  input: {
    issue: issueReference,
    breadcrumbs: z
      .number()
      .int()
      .min(0)
      .max(100)
      .optional()
      .describe(`How many of the latest breadcrumbs to include (default ${defaultBreadcrumbs}).`),
  },
  annotations: readOnly,
  run: async (assistant, { issue, breadcrumbs }) =>
    answerOf(await assistant.context(issue, breadcrumbs === undefined ? {} : { breadcrumbs })),
});

const compareReleasesTool = tool({
  name: 'compare_releases',
  title: 'Compare this release with an earlier one',
  description:
    'Compares the release this workspace runs with an earlier release (by default the one just ' +
    'before it): the issues new in it, the ones that regressed in it (resolved before, ' +
    'back now), and the ones of the earlier release that have no events in it any more, ' +
    'each with event and user counts. Call it when the user asks whether this release made ' +
    'things better or worse, what it broke, or what it fixed.',
  input: {
    base: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('The release to compare with (e.g. "shop@1.3.0"); by default the release before the workspace\'s.'),
  },
  annotations: readOnly,
  run: async (assistant, { base }) => answerOf(await assistant.comparison(base)),
});

function triageTool(
  name: string,
  title: string,
  description: string,
  change: IssueChange,
  done: string,
  verb: string,
): AssistantTool {
  return tool({
    name,
    title,
    description,
    input: { issue: issueReference },
    annotations: destructive,
    confirm: ({ issue }) => ({
      title,
      message: `${verb} issue ${issue} on the Sentry server, for everyone on the team?`,
    }),
    run: async (assistant, { issue }) => {
      const changed = await assistant.triage(issue, change);
      return changed.ok
        ? { text: `${changed.value.shortId} (id ${changed.value.id}) ${done}.`, isError: false }
        : answerOf(changed);
    },
  });
}

const resolveIssue = triageTool(
  'resolve_issue',
  'Resolve a Sentry issue',
  'Marks the issue resolved on the Sentry server for everyone on the team (it reopens as ' +
    'regressed if it happens again). Call it only when the user asks to resolve it, e.g. ' +
    'after a fix is committed; never on your own initiative.',
  { action: 'resolve' },
  'is now resolved',
  'Resolve',
);

const archiveIssue = triageTool(
  'archive_issue',
  'Archive a Sentry issue',
  'Archives (ignores) the issue on the Sentry server for everyone on the team until it escalates. Call it only when the user asks to archive or ignore it; never on your own initiative.',
  { action: 'archive', until: 'escalating' },
  'is now archived until it escalates',
  'Archive',
);

const assignIssue = tool({
  name: 'assign_issue',
  title: 'Assign a Sentry issue',
  description:
    'Assigns the issue on the Sentry server to a member of the organization or a team, ' +
    'which notifies them. Call it only when the user asks to assign the issue (e.g. ' +
    '"assign it to me", "give it to #backend"); never on your own initiative.',
  input: {
    issue: issueReference,
    assignee: z
      .string()
      .min(1)
      .max(200)
      .describe('Who: "me" (the signed-in user), a member\'s e-mail or name, or a team as "#slug".'),
  },
  annotations: destructive,
  confirm: ({ issue, assignee }) => ({
    title: 'Assign a Sentry issue',
    message: `Assign issue ${issue} to ${assignee} on the Sentry server (they are notified)?`,
  }),
  run: async (assistant, { issue, assignee }) => {
    const assigned = await assistant.assign(issue, assignee);
    return assigned.ok
      ? {
          text: `${assigned.value.issue.shortId} (id ${assigned.value.issue.id}) is now assigned to ${assigned.value.assignee.label}.`,
          isError: false,
        }
      : answerOf(assigned);
  },
});

export const assistantTools: readonly AssistantTool[] = [
  listIssues,
  issueContext,
  compareReleasesTool,
  resolveIssue,
  archiveIssue,
  assignIssue,
];
