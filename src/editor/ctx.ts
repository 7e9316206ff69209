// The running state every editor surface is built over, as rust-analyzer's Ctx: the issue store, settings, log, and
// the few operations that reach the network (refresh, triage, loading one issue's details). Surfaces receive this
// object and never reach for globals.
import type * as vscode from 'vscode';
import type { BackendCapabilities } from '../core/api/backend';
import type { ApiError } from '../core/api/errors';
import type { FolderCauses } from '../core/cause/folderCauses';
import type { IssueEvent } from '../core/api/eventSchema';
import type { IssueChange } from '../core/api/issueChange';
import type { Issue, IssueTag } from '../core/api/issueSchema';
import type { Member, Team } from '../core/api/directorySchemas';
import type { Logger } from '../core/log';
import type { Result } from '../core/result';
import type { IssueStore } from '../core/state/issueStore';
import type { ReleaseComparison } from '../core/tracking/releaseComparison';
import type { FolderConnection } from './connections';
import type { Settings } from './settings';

/** One issue with everything the panel shows: details (releases, 24 h / 30 d stats), latest event, top tag values. */
export interface IssueDetails {
  readonly issue: Issue;
  readonly event?: IssueEvent;
  readonly tags: readonly IssueTag[];
  /** The workspace folder whose load listed it. */
  readonly folderPath: string;
}

export interface EditorContext {
  readonly store: IssueStore;
  readonly settings: Settings;
  readonly log: Logger;
  readonly extensionUri: vscode.Uri;

  /**
   * The folder's suspect commits and code owners (`folderPath`: a workspace folder's fsPath, as hits name it): one
   * cache per folder that every surface shares.
   */
  causesOf(folderPath: string): FolderCauses;

  /** Reloads every workspace folder (or one), with progress; failures keep the last good data and are reported. */
  refresh(folderPath?: string): Promise<void>;

  /**
   * Applies a triage change to the issues at once everywhere (optimistic), sends it, and rolls back with a message
   * if the server refuses. Resolves to true when the server accepted every issue.
   */
  triage(issueIds: readonly string[], change: IssueChange): Promise<boolean>;

  /** What the backend of the folder listing this issue can do (GlitchTip cannot assign, say). */
  capabilitiesOf(issueId: string): BackendCapabilities | undefined;

  /** Loads the details the panel shows, from the server, reusing the latest event the last load already has. */
  loadIssueDetails(issueId: string, signal?: AbortSignal): Promise<Result<IssueDetails, ApiError>>;

  /**
   * Compares the folder's current release (as last loaded) with `base`, or with the release before it: issues new in
   * it, regressed in it, and gone since the base. Fails when the folder is not loaded or has no release.
   */
  compareRelease(folderPath: string, base?: string, signal?: AbortSignal): Promise<Result<ReleaseComparison, ApiError>>;

  /**
   * Asks where these issues started and were last seen (their details), once per issue, for the ones the load could
   * not tell from its lists (carried issues), and puts the answers into the store. Failures are logged, not thrown.
   */
  loadReleaseFacts(issueIds: readonly string[], signal?: AbortSignal): Promise<void>;

  /** Organization members for the assignee picker. */
  loadMembers(issueId: string): Promise<Result<readonly Member[], ApiError>>;

  /** Organization teams for the assignee picker (empty where the backend cannot assign). */
  loadTeams(issueId: string): Promise<Result<readonly Team[], ApiError>>;

  /** The signed-in user's id on the issue's server, for "Assign to Me". */
  currentUserId(issueId: string): Promise<string | undefined>;

  /** The issue's page on Sentry (its permalink, or one built from the server URL); none for the local Sentry's issues. */
  issueUrl(issueId: string): string | undefined;

  /** Whether the folder's server has web pages for its issues (the embedded local Sentry has none). */
  hasIssuePages(folderPath: string): boolean;

  /** The folders loaded through a connection, in workspace order: what the AI assistant's tools and MCP server read. */
  connectedFolders(): ReadonlyArray<{
    readonly folderPath: string;
    readonly name: string;
    readonly connection: FolderConnection;
  }>;

  /** The workspace file a frame resolves to, for links in the panel and tree (undefined outside the workspace). */
  resolveFrameLocation(
    issueId: string,
    frame: {
      filename?: string | null;
      absPath?: string | null;
      module?: string | null;
      lineNo?: number | null;
      colNo?: number | null;
      context?: ReadonlyArray<readonly [number, string | null]> | null;
      inApp?: boolean | null;
    },
  ): Promise<{ uri: vscode.Uri; line: number } | undefined>;
}
