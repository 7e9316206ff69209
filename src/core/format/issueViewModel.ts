// The issue panel's view model: everything the page shows, as plain strings and numbers, with the schema the page uses
// to check what the host sends. Written with zod/mini because this file is also bundled into the page, where size counts.
import * as z from 'zod/mini';

const text = z.string();
const optionalText = z.optional(z.string());
const count = z.number().check(z.int(), z.nonnegative());

export const keyValueSchema = z.object({ key: text, value: text });
export type KeyValue = z.infer<typeof keyValueSchema>;

/** An instant as both an ISO date (for a tooltip) and a phrase such as "3 hours ago". */
export const timeViewSchema = z.object({ iso: text, relative: text });
export type TimeView = z.infer<typeof timeViewSchema>;

/** Where a frame opens in the workspace: a `vscode.Uri` as a string and a 1-based line. */
export const frameLinkSchema = z.object({
  uri: z.string().check(z.minLength(1), z.maxLength(4096)),
  line: z.number().check(z.int(), z.minimum(1), z.maximum(10_000_000)),
});
export type FrameLink = z.infer<typeof frameLinkSchema>;

export const statusViewSchema = z.object({ status: text, substatus: optionalText, label: text });
export type StatusView = z.infer<typeof statusViewSchema>;

export const triageActionSchema = z.enum(['resolve', 'resolveInNextRelease', 'unresolve', 'archive', 'assignToMe']);
export type TriageAction = z.infer<typeof triageActionSchema>;

/** The issue's release story: "New in shop@1.4.2", and where it was first and last seen. */
export const storyViewSchema = z.object({
  kind: z.enum(['new', 'carried', 'regressed', 'resolved']),
  headline: text,
  releases: optionalText,
});
export type StoryView = z.infer<typeof storyViewSchema>;

export const headerViewSchema = z.object({
  title: text,
  shortId: text,
  level: text,
  culprit: optionalText,
  platform: optionalText,
  project: optionalText,
  status: statusViewSchema,
  assignee: optionalText,
  permalink: optionalText,
  story: z.optional(storyViewSchema),
});
export type HeaderView = z.infer<typeof headerViewSchema>;

export const chartBucketSchema = z.object({ iso: text, count });
export const chartViewSchema = z.object({
  id: z.enum(['24h', '14d']),
  label: text,
  /** `1 event`, `1,234 events`. */
  total: text,
  buckets: z.array(chartBucketSchema),
});
export type ChartView = z.infer<typeof chartViewSchema>;

export const tagDistributionSchema = z.object({
  key: text,
  name: text,
  values: z.array(z.object({ value: text, count: text, percent: count })),
});
export type TagDistribution = z.infer<typeof tagDistributionSchema>;

export const environmentViewSchema = z.object({ name: text, count: optionalText, percent: z.optional(count) });
export type EnvironmentView = z.infer<typeof environmentViewSchema>;

export const impactViewSchema = z.object({
  events: text,
  /** Absent where the server does not count users (GlitchTip). */
  users: optionalText,
  firstSeen: z.optional(timeViewSchema),
  lastSeen: z.optional(timeViewSchema),
  firstRelease: optionalText,
  lastRelease: optionalText,
  /** Where the issue's events happened, most first, with their event counts when the tag distribution has them. */
  environments: z.array(environmentViewSchema),
  charts: z.array(chartViewSchema),
  distributions: z.array(tagDistributionSchema),
});
export type ImpactView = z.infer<typeof impactViewSchema>;

export const contextLineSchema = z.object({ line: count, text, isErrorLine: z.boolean() });
export type ContextLine = z.infer<typeof contextLineSchema>;

/**
 * One row of a frame's variables table. The tree is sent flat, parents before their children, so the page can show a
 * row when all its ancestors are open without walking a recursive shape.
 */
export const variableRowSchema = z.object({
  /** Unique within the frame; the page keys its open/closed state by it. */
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The id of the row this one is nested in; absent at the top level. */
  parent: optionalText,
  depth: count,
  name: text,
  value: text,
  expandable: z.boolean(),
  /** What was cut or hidden: "10 of 52 items sent", "filtered by the server", "hidden: sensitive name". */
  note: optionalText,
});
export type VariableRow = z.infer<typeof variableRowSchema>;

export const frameViewSchema = z.object({
  function: text,
  file: text,
  /** `12:5`, `12` or empty. */
  location: text,
  module: optionalText,
  inApp: z.boolean(),
  /** Shown while system frames are collapsed: in-app frames and frames that open a workspace file. */
  emphasised: z.boolean(),
  /** The first emphasised frame opens with its source lines showing, as on Sentry. */
  expanded: z.boolean(),
  context: z.array(contextLineSchema),
  /** The frame's local variables, when the SDK sent them. */
  variables: z.optional(z.array(variableRowSchema)),
  link: z.optional(frameLinkSchema),
});
export type FrameView = z.infer<typeof frameViewSchema>;

/** Source lines or variables: what a frame row opens to show. */
export function hasDetails(frame: FrameView): boolean {
  return frame.context.length > 0 || (frame.variables?.length ?? 0) > 0;
}

export const exceptionViewSchema = z.object({
  /** `exception` for a thrown value; `stacktrace` for a bare stack or the crashed thread of a message event. */
  kind: z.enum(['exception', 'stacktrace']),
  type: text,
  value: text,
  mechanism: optionalText,
  handled: z.optional(z.enum(['handled', 'unhandled'])),
  /** Innermost (the raising frame) first. */
  frames: z.array(frameViewSchema),
  /** How many frames the server sent beyond those kept. */
  omittedFrames: count,
});
export type ExceptionView = z.infer<typeof exceptionViewSchema>;

export const breadcrumbViewSchema = z.object({
  time: text,
  timestamp: text,
  type: text,
  category: text,
  level: text,
  message: text,
  data: text,
});
export type BreadcrumbView = z.infer<typeof breadcrumbViewSchema>;

export const requestViewSchema = z.object({
  method: optionalText,
  url: optionalText,
  query: z.array(keyValueSchema),
  headers: z.array(keyValueSchema),
  /** A sentence about the cookies; their values are never sent to the page. */
  cookies: optionalText,
  body: optionalText,
});
export type RequestView = z.infer<typeof requestViewSchema>;

export const userViewSchema = z.object({
  /** True when the values were replaced because the user data setting is off. */
  redacted: z.boolean(),
  fields: z.array(keyValueSchema),
});
export type UserView = z.infer<typeof userViewSchema>;

export const eventViewSchema = z.object({
  id: text,
  dateCreated: z.optional(timeViewSchema),
  release: optionalText,
  environment: optionalText,
  message: optionalText,
  /** Innermost (the exception actually thrown) first. */
  exceptions: z.array(exceptionViewSchema),
  /** Newest first. */
  breadcrumbs: z.array(breadcrumbViewSchema),
  omittedBreadcrumbs: count,
  tags: z.array(keyValueSchema),
  contexts: z.array(keyValueSchema),
  request: z.optional(requestViewSchema),
  user: z.optional(userViewSchema),
});
export type EventView = z.infer<typeof eventViewSchema>;

/** A full git commit id (SHA-1 or SHA-256). */
export const commitShaSchema = z.string().check(z.regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/));

/** Where the issue raised in the workspace and who to ask: the suspect commit of the line and the file's code owners. */
export const causeViewSchema = z.object({
  /** `src/cart.ts:42`. */
  location: text,
  /** The commit that last changed the line, in words, and its full SHA for Open Commit. */
  suspectCommit: z.optional(z.object({ text, sha: commitShaSchema })),
  /** The file's code owners, in words. */
  owners: optionalText,
  /** Assign to Owner fits: the file has owners and the server can assign. */
  assignToOwner: z.boolean(),
});
export type CauseView = z.infer<typeof causeViewSchema>;

export const issueViewModelSchema = z.object({
  issueId: text,
  header: headerViewSchema,
  impact: impactViewSchema,
  event: z.optional(eventViewSchema),
  /** Triage actions the issue's server can carry out; the page shows those that fit the current status. */
  actions: z.array(triageActionSchema),
  userDataShown: z.boolean(),
  /** Absent until the workspace's git and CODEOWNERS have been read (after the rest, never holding it up). */
  cause: z.optional(causeViewSchema),
});
export type IssueViewModel = z.infer<typeof issueViewModelSchema>;
