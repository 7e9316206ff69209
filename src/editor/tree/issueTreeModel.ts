// The Sentry view's content as plain data, built from the issue store's folder states: per folder a release row, an
// environment row and the issues in the chosen order, each with its in-workspace frames. No vscode import, so it is
// unit-tested in Node; issueTreeItems.ts turns nodes into TreeItems.
import { backendOf } from '../../core/api/backend';
import type { Issue } from '../../core/api/issueSchema';
import { describeAge } from '../../core/format/dataAge';
import type { HitRole, LineHit } from '../../core/index/issueIndex';
import { issueCounts } from '../../core/scan/eventHits';
import type { FolderState } from '../../core/state/issueStore';
import type { IssueSnapshot } from '../../core/state/snapshot';
import { storyOf, type IssueStory } from '../../core/tracking/issueStory';
import { plural } from '../../core/format/counts';
import { describeMissing, incompleteAdvice } from '../../core/session/incompleteLoad';
import type { TreeSort } from '../settings';
import { issueContextValue } from './issueRow';

export interface TreeFolder {
  /** The store's key for the folder (its file system path). */
  readonly path: string;
  readonly name: string;
}

export interface FolderNode {
  readonly kind: 'folder';
  readonly id: string;
  readonly folderPath: string;
  readonly name: string;
  readonly children: readonly IssueTreeNode[];
}

export interface ReleaseNode {
  readonly kind: 'release';
  readonly id: string;
  readonly folderPath: string;
  /** Undefined when the project has no releases and every release's issues are shown. */
  readonly release?: { readonly version: string; readonly source: string };
}

export interface EnvironmentNode {
  readonly kind: 'environment';
  readonly id: string;
  readonly folderPath: string;
  /** Empty: all environments. */
  readonly environments: readonly string[];
}

export interface IssueNode {
  readonly kind: 'issue';
  readonly id: string;
  readonly folderPath: string;
  /** What `issueIdsFromArgs` reads when a command is run on the row or on a multi-selection. */
  readonly issueId: string;
  readonly issue: Issue;
  readonly withUsers: boolean;
  readonly contextValue: string;
  readonly frames: readonly FrameNode[];
  /** Its story relative to the folder's release (new, carried over, regressed, resolved). */
  readonly story: IssueStory;
  /** The folder's release, what "new in this release" refers to. */
  readonly release?: string;
}

export interface FrameNode {
  readonly kind: 'frame';
  readonly id: string;
  readonly folderPath: string;
  /** Workspace folder path and folder-relative `/`-separated file, as in the issue index. */
  readonly folder: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly role: HitRole;
  readonly moved: boolean;
}

export type MessageSeverity = 'loading' | 'info' | 'warning' | 'error';

export interface MessageNode {
  readonly kind: 'message';
  readonly id: string;
  readonly folderPath: string;
  readonly severity: MessageSeverity;
  readonly text: string;
  /** Longer explanation for the tooltip. */
  readonly detail?: string;
}

export type IssueTreeNode = FolderNode | ReleaseNode | EnvironmentNode | IssueNode | FrameNode | MessageNode;

export interface TreeOptions {
  readonly sort: TreeSort;
  readonly now: Date;
  /** Whether the folder's server has issue pages (the local Sentry has none); every server does when left out. */
  readonly hasIssuePages?: (folderPath: string) => boolean;
}

/**
 * The top level: one folder's rows directly in a single-root workspace, else a row per folder. Empty when nothing
 * was ever loaded, so that the view's welcome content (sign in, select project) shows instead.
 */
export function rootNodes(
  folders: readonly TreeFolder[],
  stateOf: (folderPath: string) => FolderState,
  options: TreeOptions,
): IssueTreeNode[] {
  const built = folders.map((folder) => ({ folder, children: folderRows(stateOf(folder.path), options) }));
  if (built.every(({ children }) => children.length === 0)) return [];
  const [only] = built;
  if (built.length === 1 && only) return [...only.children];
  return built.map(({ folder, children }) => ({
    kind: 'folder',
    id: `folder:${folder.path}`,
    folderPath: folder.path,
    name: folder.name,
    children:
      children.length > 0
        ? children
        : [message(folder.path, 'idle', 'info', 'Not loaded: sign in and select the project of this folder.')],
  }));
}

/** A folder's rows: what is wrong or going on first, then release, environment and issues. */
export function folderRows(state: FolderState, options: TreeOptions): IssueTreeNode[] {
  const status = statusRows(state, options.now);
  const snapshot = state.snapshot;
  if (!snapshot) return status;
  const path = state.folderPath;
  const hasPages = options.hasIssuePages?.(path) ?? true;
  const issues = sortIssues(snapshot.issues, options.sort).map((issue) => issueNode(snapshot, issue, hasPages));
  const empty =
    issues.length === 0
      ? [
          message(
            path,
            'empty',
            'info',
            `No unresolved issues${snapshot.release ? ` in ${snapshot.release.version}` : ''}.`,
          ),
        ]
      : [];
  return [
    ...status,
    { kind: 'release', id: `release:${path}`, folderPath: path, release: snapshot.release },
    { kind: 'environment', id: `environment:${path}`, folderPath: path, environments: snapshot.environments },
    ...issues,
    ...empty,
  ];
}

function statusRows(state: FolderState, now: Date): MessageNode[] {
  const { status, snapshot, folderPath: path } = state;
  const loadedAt = snapshot ? `issues loaded ${describeAge(snapshot.loadedAt, now) ?? 'earlier'}` : '';
  if (status.kind === 'loading' && !snapshot)
    return [message(path, 'status', 'loading', status.message ?? 'Loading issues…')];
  if (status.kind === 'failed' && !snapshot) return [message(path, 'status', 'error', status.message)];
  if (status.kind === 'failed')
    return [message(path, 'status', 'warning', `Refresh failed; showing ${loadedAt}`, status.message)];
  if (state.stale && status.kind === 'loading')
    return [message(path, 'status', 'loading', `Refreshing; showing cached ${loadedAt}`, status.message)];
  if (state.stale)
    return [
      message(path, 'status', 'warning', `Showing cached ${loadedAt}`, 'Not refreshed yet: run Sentry: Refresh.'),
    ];
  const missing = snapshot?.missing ?? [];
  if (missing.length > 0)
    return [
      message(
        path,
        'status',
        'warning',
        `Marks incomplete: ${plural(missing.length, 'issue')} not loaded yet`,
        `${describeMissing(missing)} ${incompleteAdvice}`,
      ),
    ];
  return [];
}

function message(
  folderPath: string,
  what: string,
  severity: MessageSeverity,
  text: string,
  detail?: string,
): MessageNode {
  return { kind: 'message', id: `message:${what}:${folderPath}`, folderPath, severity, text, detail };
}

function issueNode(snapshot: IssueSnapshot, issue: Issue, hasPage: boolean): IssueNode {
  const capabilities = backendOf(snapshot.backend).capabilities;
  return {
    kind: 'issue',
    id: `issue:${snapshot.folderPath}:${issue.id}`,
    folderPath: snapshot.folderPath,
    issueId: issue.id,
    issue,
    withUsers: capabilities.userCounts,
    contextValue: issueContextValue(issue, capabilities, snapshot.release !== undefined, hasPage),
    frames: framesOfIssue(snapshot.folderPath, snapshot.hits, issue.id),
    story: storyOf(issue, snapshot.release?.version),
    ...(snapshot.release ? { release: snapshot.release.version } : {}),
  };
}

/** Larger first by the chosen measure, ties broken by the other counts and then the id, so the order is stable. */
export function sortIssues(issues: readonly Issue[], sort: TreeSort): Issue[] {
  const keyed = issues.map((issue) => ({
    issue,
    ...issueCounts(issue),
    lastSeen: Date.parse(issue.filtered?.lastSeen ?? issue.lastSeen ?? '') || 0,
  }));
  type Keyed = (typeof keyed)[number];
  const byUsers = (a: Keyed, b: Keyed): number => b.userCount - a.userCount;
  const byEvents = (a: Keyed, b: Keyed): number => b.count - a.count;
  const byLastSeen = (a: Keyed, b: Keyed): number => b.lastSeen - a.lastSeen;
  const order = {
    users: [byUsers, byEvents, byLastSeen],
    events: [byEvents, byUsers, byLastSeen],
    lastSeen: [byLastSeen, byEvents, byUsers],
  }[sort];
  return keyed
    .sort(
      (a, b) => order.reduce((result, compare) => result || compare(a, b), 0) || a.issue.id.localeCompare(b.issue.id),
    )
    .map(({ issue }) => issue);
}

/** The issue's workspace lines, once each: where it was raised first, then its callers in file and line order. */
export function framesOfIssue(folderPath: string, hits: readonly LineHit[], issueId: string): FrameNode[] {
  const seen = new Set<string>();
  return hits
    .filter((hit) => hit.issueId === issueId)
    .sort(
      (a, b) =>
        (a.role === b.role ? 0 : a.role === 'raised' ? -1 : 1) || a.file.localeCompare(b.file) || a.line - b.line,
    )
    .filter((hit) => {
      const key = `${hit.folder}\u0000${hit.file}:${hit.line}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((hit) => ({
      kind: 'frame',
      id: `frame:${folderPath}:${issueId}:${hit.folder}:${hit.file}:${hit.line}`,
      folderPath,
      folder: hit.folder,
      file: hit.file,
      line: hit.line,
      role: hit.role,
      moved: hit.moved,
    }));
}
