// The host's half of the issue panel's data: loads an issue's details, resolves its frames to workspace files, and
// builds the view model, taking triage changes made in the editor since the load (the store's status) into account.
// No vscode import: the editor context is reached through the narrow interface below, so this is tested in Node.
import type { BackendCapabilities } from '../../core/api/backend';
import type { ApiError } from '../../core/api/errors';
import { stackOfEvent, type IssueEvent } from '../../core/api/eventSchema';
import type { Issue } from '../../core/api/issueSchema';
import { buildIssueViewModel } from '../../core/format/buildIssueViewModel';
import { causeView, type IssueCause } from '../../core/format/causeView';
import { frameKey, framesToLink } from '../../core/format/exceptionView';
import type { FrameLink, IssueViewModel } from '../../core/format/issueViewModel';
import type { SourceFrame } from '../../core/resolve/frame';
import { ok, type Result } from '../../core/result';
import type { IssueDetails } from '../ctx';

/** What the panel needs of the editor context (`EditorContext` satisfies it). */
export interface PanelDataSource {
  /** The issue as loaded, and its folder's release (the story's "this release"). */
  readonly store: {
    findIssue(issueId: string): { issue: Issue; folder?: { snapshot?: { release?: { version: string } } } } | undefined;
  };
  readonly settings: { readonly showUserData: boolean };
  loadIssueDetails(issueId: string, signal?: AbortSignal): Promise<Result<IssueDetails, ApiError>>;
  capabilitiesOf(issueId: string): BackendCapabilities | undefined;
  issueUrl(issueId: string): string | undefined;
  resolveFrameLocation(
    issueId: string,
    frame: SourceFrame,
  ): Promise<{ uri: { toString(): string }; line: number } | undefined>;
}

export interface LoadedIssue {
  readonly details: IssueDetails;
  /** Workspace locations of the shown frames, keyed by `frameKey`. */
  readonly links: ReadonlyMap<string, FrameLink>;
  /** The store's triage fields last taken in: a difference from these is a change made in the editor since. */
  readonly storeTriage: string;
}

function triageFieldsOf(issue: Issue | undefined): string {
  if (!issue) return '';
  return JSON.stringify([
    issue.status,
    issue.substatus ?? null,
    issue.statusDetails ?? null,
    issue.assignedTo ?? null,
    issue.isBookmarked ?? null,
  ]);
}

async function frameLinksOf(
  source: PanelDataSource,
  issueId: string,
  event: IssueEvent | undefined,
): Promise<Map<string, FrameLink>> {
  if (!event) return new Map();
  const frames = new Map(framesToLink(stackOfEvent(event)).map((frame) => [frameKey(frame), frame] as const));
  const resolved = await Promise.all(
    [...frames].map(async ([key, frame]): Promise<readonly [string, FrameLink] | undefined> => {
      try {
        const location = await source.resolveFrameLocation(issueId, frame);
        return location
          ? [key, { uri: location.uri.toString(), line: Math.max(1, Math.round(location.line)) }]
          : undefined;
      } catch {
        return undefined; // a frame that cannot be resolved is shown without a link
      }
    }),
  );
  return new Map(resolved.filter((entry): entry is readonly [string, FrameLink] => entry !== undefined));
}

export async function loadPanelIssue(
  source: PanelDataSource,
  issueId: string,
  signal?: AbortSignal,
): Promise<Result<LoadedIssue, ApiError>> {
  const details = await source.loadIssueDetails(issueId, signal);
  if (!details.ok) return details;
  const links = await frameLinksOf(source, issueId, details.value.event);
  return ok({ details: details.value, links, storeTriage: triageFieldsOf(source.store.findIssue(issueId)?.issue) });
}

/**
 * The loaded issue with the status, assignee and bookmark the store got since: triage from the hover, the tree or this
 * panel shows here at once, and so does its rollback. An issue that left the store (a refresh lists unresolved issues
 * only) keeps the state it had last.
 */
export function followStore(source: PanelDataSource, issueId: string, loaded: LoadedIssue): LoadedIssue {
  const stored = source.store.findIssue(issueId)?.issue;
  const fields = triageFieldsOf(stored);
  if (!stored || fields === loaded.storeTriage) return loaded;
  const issue = {
    ...loaded.details.issue,
    status: stored.status,
    substatus: stored.substatus,
    statusDetails: stored.statusDetails,
    assignedTo: stored.assignedTo,
    isBookmarked: stored.isBookmarked,
  };
  return { ...loaded, storeTriage: fields, details: { ...loaded.details, issue } };
}

/** `cause` comes after the rest (git and CODEOWNERS are read once the issue shows) and joins the model when known. */
export function panelModelOf(
  source: PanelDataSource,
  issueId: string,
  loaded: LoadedIssue,
  now: number,
  cause?: IssueCause,
): IssueViewModel {
  const model = buildIssueViewModel({
    issue: loaded.details.issue,
    event: loaded.details.event,
    tags: loaded.details.tags,
    capabilities: source.capabilitiesOf(issueId),
    // The local Sentry's issues have no page: no Open in Sentry or Copy Link, rather than the API's permalink.
    permalink: source.issueUrl(issueId) ?? null,
    showUserData: source.settings.showUserData,
    now,
    frameLinks: loaded.links,
    release: source.store.findIssue(issueId)?.folder?.snapshot?.release?.version,
  });
  return cause ? { ...model, cause: causeView(cause, now, source.capabilitiesOf(issueId)?.assign === true) } : model;
}

/** The `openFrame` targets a page may ask for: only links the host itself put in the model. */
export function linkTargetsOf(model: IssueViewModel): Set<string> {
  const targets = new Set<string>();
  for (const exception of model.event?.exceptions ?? []) {
    for (const frame of exception.frames) if (frame.link) targets.add(linkTargetKey(frame.link));
  }
  return targets;
}

export function linkTargetKey(link: FrameLink): string {
  return `${link.line} ${link.uri}`;
}
