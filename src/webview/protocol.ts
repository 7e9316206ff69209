// The messages between the issue panel's page and its host, shared by both sides: each direction is a zod-validated
// discriminated union, and each side parses what it receives and ignores what does not parse. zod/mini keeps the page
// bundle small.
import * as z from 'zod/mini';
import {
  commitShaSchema,
  frameLinkSchema,
  issueViewModelSchema,
  triageActionSchema,
} from '../core/format/issueViewModel';

/** Sentry ids are digit strings, GlitchTip's are integers; nothing else is an issue id. */
export const issueIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
/** A request the page makes and the reply the host sends for it share this id. */
const requestIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

export const pageMessageSchema = z.discriminatedUnion('type', [
  /** The page is listening: the host sends the issue only after this. */
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('triage'),
    requestId: requestIdSchema,
    issueId: issueIdSchema,
    change: z.object({ action: triageActionSchema }),
  }),
  z.object({ type: z.literal('openFrame'), uri: frameLinkSchema.shape.uri, line: frameLinkSchema.shape.line }),
  z.object({ type: z.literal('openInSentry') }),
  z.object({ type: z.literal('copyLink') }),
  /** Opens the latest event as a stopped debug session (Replay in Debugger). */
  z.object({ type: z.literal('replay') }),
  /** Opens the suspect commit the panel shows (the host checks it is that one). */
  z.object({ type: z.literal('openCommit'), sha: commitShaSchema }),
  /** Assigns the issue to the raising file's code owner (Assign to Owner). */
  z.object({ type: z.literal('assignToOwner') }),
  /** Explain with AI / Fix with AI: opens the chat on the issue, or copies its context where there is none. */
  z.object({ type: z.literal('askAssistant'), request: z.enum(['explain', 'fix']) }),
  z.object({ type: z.literal('refresh') }),
  /** Opens the setting that shows the affected user's e-mail and IP address. */
  z.object({ type: z.literal('openUserDataSetting') }),
]);
export type PageMessage = z.infer<typeof pageMessageSchema>;
export type PageMessageType = PageMessage['type'];

export const hostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('issue'), model: issueViewModelSchema }),
  z.object({
    type: z.literal('triageResult'),
    requestId: requestIdSchema,
    ok: z.boolean(),
    message: z.optional(z.string().check(z.maxLength(2000))),
  }),
  z.object({ type: z.literal('loading') }),
  z.object({ type: z.literal('error'), message: z.string().check(z.maxLength(2000)) }),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

/** What the page keeps with `setState` so a reloaded page, or a restored panel, shows the same issue. */
export const pageStateSchema = z.object({ issueId: issueIdSchema });
export type PageState = z.infer<typeof pageStateSchema>;

export function parsePageMessage(data: unknown): PageMessage | undefined {
  const parsed = pageMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

export function parseHostMessage(data: unknown): HostMessage | undefined {
  const parsed = hostMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

export function parsePageState(data: unknown): PageState | undefined {
  const parsed = pageStateSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
