// The implementation of EditorContext: loads each workspace folder through its connection into the issue store, keeps
// the cache, refreshes on an interval, and carries triage out optimistically. One instance lives as long as the extension.
import * as vscode from 'vscode';
import type { BackendCapabilities } from '../core/api/backend';
import { apiError, type ApiError } from '../core/api/errors';
import type { IssueChange } from '../core/api/issueChange';
import type { FolderCauses } from '../core/cause/folderCauses';
import type { Member, Team } from '../core/api/directorySchemas';
import type { Issue } from '../core/api/issueSchema';
import { plural } from '../core/format/counts';
import type { Logger } from '../core/log';
import type { SourceFrame } from '../core/resolve/frame';
import { FrameResolver } from '../core/resolve/frameResolver';
import { err, ok, type Result } from '../core/result';
import { quoteSearchValue } from '../core/scan/searchQuoting';
import { latestEventOf } from '../core/session/eventOutcome';
import { describeMissing } from '../core/session/incompleteLoad';
import type { WorkspaceIssues } from '../core/session/loadWorkspaceIssues';
import type { LocalChange } from '../core/local/changeFeed';
import { isLoopbackUrl } from '../core/local/loopback';
import { IssueStore } from '../core/state/issueStore';
import { snapshotOf } from '../core/state/snapshot';
import type { SnapshotFiles } from '../core/state/snapshotFiles';
import { optimisticPatch } from '../core/state/triagePatch';
import { compareReleases, type ReleaseComparison } from '../core/tracking/releaseComparison';
import type { Connections, FolderConnection } from './connections';
import type { EditorContext, IssueDetails } from './ctx';
import { FolderSessions, openFilesIn } from './folderSessions';
import type { Settings } from './settings';
import { WorkspaceCauses } from './workspaceCauses';
import type { WorkspaceIndexes } from './workspaceIndexes';

const detailTagKeys = ['user', 'browser', 'os', 'device', 'runtime', 'url', 'release', 'environment'];

export class SentryContext implements EditorContext, vscode.Disposable {
  readonly store = new IssueStore();
  private readonly connections = new Map<string, FolderConnection>();
  private readonly loads = new Map<string, AbortController>();
  private readonly resolvers = new Map<string, Promise<FrameResolver>>();
  private readonly sessions: FolderSessions;
  private readonly causes = new WorkspaceCauses();
  private readonly me = new Map<string, Promise<string | undefined>>();
  private timer: NodeJS.Timeout | undefined;
  /** Failures already told to the user, so an interval refresh that keeps failing does not nag. */
  private readonly reportedFailures = new Map<string, string>();
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires when a refresh (all folders, one, or the local ones) has finished, whatever came of it: alerts look then. */
  readonly onDidFinishRefresh = this.refreshed.event;

  constructor(
    readonly settings: Settings,
    readonly log: Logger,
    readonly extensionUri: vscode.Uri,
    private readonly sources: Connections,
    private readonly cache: SnapshotFiles | undefined,
    /** Each folder's file index, walked once and kept current by a watcher (shared with the local Sentry). */
    private readonly indexes: WorkspaceIndexes,
  ) {
    this.sessions = new FolderSessions(log, this.indexes);
  }

  causesOf(folderPath: string): FolderCauses {
    return this.causes.of(folderPath);
  }

  /** Shows cached snapshots at once (marked stale), then loads fresh data. */
  async start(): Promise<void> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const cached = await this.cache?.read(folder.uri.fsPath);
      if (cached) this.store.setRestored(cached);
    }
    this.scheduleRefresh();
    await this.refresh();
  }

  scheduleRefresh(): void {
    if (this.timer) clearInterval(this.timer);
    const minutes = this.settings.refreshIntervalMinutes;
    this.timer =
      minutes > 0 ? setInterval(() => void this.refresh(undefined, { quiet: true }), minutes * 60_000) : undefined;
  }

  async refresh(folderPath?: string, options: { quiet?: boolean } = {}): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter(
      (folder) => !folderPath || folder.uri.fsPath === folderPath,
    );
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Sentry' },
      async (progress) => {
        await Promise.all(
          folders.map((folder) => this.load(folder, (message) => progress.report({ message }), options.quiet ?? false)),
        );
      },
    );
    this.refreshed.fire();
  }

  /**
   * Brings the folders connected to a server on this machine (the local Sentry) up to date with what changed there,
   * quietly: only the named issues are asked again, or everything when the change does not say (or cannot be applied).
   */
  async refreshLocal(change: LocalChange = { issueIds: undefined }): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => {
      const url = this.connections.get(folder.uri.fsPath)?.key.url;
      return url !== undefined && isLoopbackUrl(url);
    });
    await Promise.all(folders.map((folder) => this.applyLocalChange(folder, change)));
    this.refreshed.fire();
  }

  private async applyLocalChange(folder: vscode.WorkspaceFolder, change: LocalChange): Promise<void> {
    const folderPath = folder.uri.fsPath;
    const connection = this.connections.get(folderPath);
    const session = this.sessions.find(folderPath);
    // A load in flight may have listed before the change: it starts again instead, as a whole.
    const abort = new AbortController();
    const update =
      connection && session && change.issueIds && !this.loads.has(folderPath)
        ? session.update(change.issueIds, { signal: abort.signal })
        : undefined;
    if (!connection || !update) return this.load(folder, () => undefined, true);
    this.loads.set(folderPath, abort);
    try {
      const updated = await update;
      if (abort.signal.aborted) return;
      if (!updated.ok) return this.failed(folderPath, updated.error.message, true);
      await this.showLoaded(folder, connection, updated.value);
    } catch (error) {
      // A bug, not a server answer: keep the marks on screen and say what happened.
      this.failed(
        folderPath,
        `Updating Sentry issues failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
        true,
      );
    } finally {
      if (this.loads.get(folderPath) === abort) this.loads.delete(folderPath);
    }
  }

  private async load(folder: vscode.WorkspaceFolder, report: (message: string) => void, quiet: boolean): Promise<void> {
    const folderPath = folder.uri.fsPath;
    this.loads.get(folderPath)?.abort();
    const abort = new AbortController();
    this.loads.set(folderPath, abort);
    // A quiet refresh (interval, new local events) of a folder that shows data keeps the status calm.
    const showLoading = !quiet || this.store.folder(folderPath).snapshot === undefined;
    if (showLoading) this.store.setLoading(folderPath, 'Connecting');
    try {
      const found = await this.sources.forFolder(folder);
      if (!found.ok && found.error.kind === 'unavailable') {
        this.failed(folderPath, found.error.message, quiet);
        return;
      }
      if (!found.ok) {
        // Not signed in or no project yet: nothing to show, and the welcome view says what to do.
        this.connections.delete(folderPath);
        this.sessions.forget(folderPath);
        this.store.clear(folderPath);
        this.log.info(`${folder.name}: ${found.error.message}`);
        return;
      }
      const connection = found.value;
      this.connections.set(folderPath, connection);
      this.resolvers.delete(folderPath);
      const session = this.sessions.sessionFor(
        folder,
        connection,
        this.settings.statsPeriod,
        this.store.folder(folderPath).snapshot,
      );
      const toSnapshot = (loaded: WorkspaceIssues) => this.snapshotOf(folderPath, connection, loaded);
      const loaded = await session.load({
        openFiles: openFilesIn(folderPath),
        onProgress: (message) => {
          report(message);
          if (showLoading) this.store.setLoading(folderPath, message);
        },
        // The open files' marks appear as soon as they are in; the rest fill in behind.
        onPartial: (partial) => {
          if (!abort.signal.aborted) this.store.setPartial(toSnapshot(partial));
        },
        signal: abort.signal,
      });
      if (abort.signal.aborted) return;
      if (!loaded.ok) {
        this.failed(folderPath, loaded.error.message, quiet);
        return;
      }
      await this.showLoaded(folder, connection, loaded.value);
    } catch (error) {
      // A bug, not a server answer: keep the last good data and say what happened.
      this.failed(
        folderPath,
        `Loading Sentry issues failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
        quiet,
      );
    } finally {
      if (this.loads.get(folderPath) === abort) this.loads.delete(folderPath);
    }
  }

  private async showLoaded(
    folder: vscode.WorkspaceFolder,
    connection: FolderConnection,
    loaded: WorkspaceIssues,
  ): Promise<void> {
    const folderPath = folder.uri.fsPath;
    const snapshot = this.snapshotOf(folderPath, connection, loaded);
    this.store.setLoaded(snapshot);
    const incomplete = describeMissing(snapshot.missing ?? []);
    if (incomplete) this.log.warn(`${folder.name}: ${incomplete} They load on the next refresh.`);
    this.reportedFailures.delete(folderPath);
    for (const warning of snapshot.warnings) this.log.warn(warning);
    this.log.info(
      `${folder.name}: ${plural(snapshot.issues.length, 'issue')}, ${plural(snapshot.hits.length, 'marked line')}${snapshot.release ? ` in ${snapshot.release.version}` : ''}`,
    );
    await this.cache?.write(snapshot);
  }

  private snapshotOf(
    folderPath: string,
    connection: FolderConnection,
    loaded: WorkspaceIssues,
  ): ReturnType<typeof snapshotOf> {
    return snapshotOf(
      { ...loaded, warnings: [...connection.warnings, ...loaded.warnings] },
      { connection: connection.key, folderPath, environments: connection.environments, now: new Date() },
    );
  }

  private failed(folderPath: string, message: string, quiet: boolean): void {
    this.store.setFailed(folderPath, message);
    this.log.error(message);
    if (this.reportedFailures.get(folderPath) === message && quiet) return;
    this.reportedFailures.set(folderPath, message);
    const kept = this.store.folder(folderPath).snapshot ? ' The last loaded issues stay on screen.' : '';
    void vscode.window.showWarningMessage(`Sentry: ${message}${kept}`, 'Retry', 'Show Output').then((choice) => {
      if (choice === 'Retry') void this.refresh(folderPath);
      if (choice === 'Show Output') void vscode.commands.executeCommand('sentryInsight.showOutput');
    });
  }

  async triage(issueIds: readonly string[], change: IssueChange): Promise<boolean> {
    const results = await Promise.all(issueIds.map((issueId) => this.triageOne(issueId, change)));
    const failures = results.filter((result): result is ApiError => result !== undefined);
    if (failures.length > 0) {
      const first = failures[0] as ApiError;
      const more = failures.length > 1 ? ` (${failures.length} issues were not changed)` : '';
      void vscode.window.showErrorMessage(`Sentry: ${first.message}${more}`);
    }
    return failures.length === 0;
  }

  private async triageOne(issueId: string, change: IssueChange): Promise<ApiError | undefined> {
    const connection = this.connectionOf(issueId);
    if (!connection) return apiError('notFound', `Issue ${issueId} is not loaded any more; refresh and try again.`);
    const meId = change.action === 'assign' ? await this.currentUserId(issueId) : undefined;
    const rollback = this.store.patchIssue(issueId, optimisticPatch(change, meId ? { id: meId } : undefined));
    const answer = await connection.client.updateIssue(connection.key.org, issueId, change);
    if (answer.ok) {
      this.log.info(`${change.action} ${issueId}: done`);
      return undefined;
    }
    rollback();
    return answer.error;
  }

  capabilitiesOf(issueId: string): BackendCapabilities | undefined {
    return this.connectionOf(issueId)?.client.backend.capabilities;
  }

  async loadIssueDetails(issueId: string, signal?: AbortSignal): Promise<Result<IssueDetails, ApiError>> {
    const found = this.store.findIssue(issueId);
    const connection = this.connectionOf(issueId);
    if (!found || !connection)
      return err(apiError('notFound', `Issue ${issueId} is not loaded; refresh and try again.`));
    const { org } = connection.key;
    const cachedEvent = found.folder.snapshot?.events[issueId];
    // No cached event (marks placed from Discover frames, say): the one the load asks, the release's latest.
    const release = found.folder.snapshot?.release?.version;
    const eventFilter = {
      environments: connection.environments,
      query: release ? `release:${quoteSearchValue(release)}` : undefined,
      signal,
    };
    const [detail, event, tags] = await Promise.all([
      connection.client.issue(org, issueId, signal),
      cachedEvent ? Promise.resolve(ok(cachedEvent)) : latestEventOf(connection.client, org, issueId, eventFilter),
      connection.client.issueTags(org, issueId, detailTagKeys, signal),
    ]);
    // The list's copy carries the release-scoped counts and any triage just made; details add releases and stats.
    const issue = detail.ok ? { ...detail.value, ...pickCounts(found.issue) } : found.issue;
    if (!detail.ok) this.log.warn(`Issue ${issueId} details: ${detail.error.message}`);
    // The details just told where the issue started: hover and tree need not ask again.
    const { firstRelease, lastRelease } = issue;
    if (detail.ok && found.issue.firstRelease === undefined && (firstRelease || lastRelease)) {
      this.store.patchIssue(issueId, {
        ...(firstRelease ? { firstRelease } : {}),
        ...(lastRelease ? { lastRelease } : {}),
      });
    }
    return ok({
      issue,
      event: event.ok ? event.value : undefined,
      tags: tags.ok ? tags.value : [],
      folderPath: found.folder.folderPath,
    });
  }

  async compareRelease(
    folderPath: string,
    base?: string,
    signal?: AbortSignal,
  ): Promise<Result<ReleaseComparison, ApiError>> {
    const connection = this.connections.get(folderPath);
    const snapshot = this.store.folder(folderPath).snapshot;
    if (!connection || !snapshot)
      return err(
        apiError('notFound', 'The folder is not loaded yet: sign in, select its project, then compare again.'),
      );
    if (!snapshot.release)
      return err(
        apiError(
          'notFound',
          'The project has no releases to compare: send events with a release, or choose one (Sentry: Select Release).',
        ),
      );
    const { org } = connection.key;
    const compared = await compareReleases(connection.client, {
      org,
      projectId: snapshot.projectId,
      release: snapshot.release.version,
      base,
      environments: connection.environments,
      signal,
    });
    // Gone and resolved issues are not in the snapshot: remembered, their panel opens and triage works from the view.
    if (compared.ok)
      this.store.setRelatedIssues(
        folderPath,
        [...compared.value.new, ...compared.value.regressed, ...compared.value.gone].map((entry) => entry.issue),
      );
    return compared;
  }

  async loadReleaseFacts(issueIds: readonly string[], signal?: AbortSignal): Promise<void> {
    await Promise.all(
      issueIds.map(async (issueId) => {
        const found = this.store.findIssue(issueId);
        const session = found ? this.sessions.find(found.folder.folderPath) : undefined;
        if (!found || !session || (found.issue.firstRelease !== undefined && found.issue.lastRelease !== undefined))
          return;
        const facts = await session.releaseFacts(found.issue, signal);
        if (!facts.ok) {
          this.log.warn(`Where ${found.issue.shortId} started: ${facts.error.message}`);
          return;
        }
        // The session remembers an answer without releases too, so asking again costs no request.
        const { firstRelease, lastRelease } = facts.value;
        if (firstRelease || lastRelease)
          this.store.patchIssue(issueId, {
            ...(firstRelease ? { firstRelease } : {}),
            ...(lastRelease ? { lastRelease } : {}),
          });
      }),
    );
  }

  async loadMembers(issueId: string): Promise<Result<readonly Member[], ApiError>> {
    const connection = this.connectionOf(issueId);
    if (!connection) return err(apiError('notFound', `Issue ${issueId} is not loaded; refresh and try again.`));
    return connection.client.members(connection.key.org);
  }

  async loadTeams(issueId: string): Promise<Result<readonly Team[], ApiError>> {
    const connection = this.connectionOf(issueId);
    if (!connection) return err(apiError('notFound', `Issue ${issueId} is not loaded; refresh and try again.`));
    return connection.client.teams(connection.key.org);
  }

  currentUserId(issueId: string): Promise<string | undefined> {
    const connection = this.connectionOf(issueId);
    if (!connection) return Promise.resolve(undefined);
    const key = connection.key.url;
    let id = this.me.get(key);
    if (!id) {
      id = connection.client.tokenInfo().then((info) => (info.ok ? info.value.user?.id : undefined));
      this.me.set(key, id);
    }
    return id;
  }

  connectedFolders(): Array<{ folderPath: string; name: string; connection: FolderConnection }> {
    return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
      const connection = this.connections.get(folder.uri.fsPath);
      return connection ? [{ folderPath: folder.uri.fsPath, name: folder.name, connection }] : [];
    });
  }

  hasIssuePages(folderPath: string): boolean {
    return !this.connections.get(folderPath)?.embedded;
  }

  issueUrl(issueId: string): string | undefined {
    const found = this.store.findIssue(issueId);
    if (found && !this.hasIssuePages(found.folder.folderPath)) return undefined;
    if (found?.issue.permalink) return found.issue.permalink;
    const key = found?.folder.snapshot?.connection;
    return key
      ? `${key.url}/organizations/${encodeURIComponent(key.org)}/issues/${encodeURIComponent(issueId)}/`
      : undefined;
  }

  async resolveFrameLocation(
    issueId: string,
    frame: SourceFrame,
  ): Promise<{ uri: vscode.Uri; line: number } | undefined> {
    const found = this.store.findIssue(issueId);
    if (!found) return undefined;
    const folderPath = found.folder.folderPath;
    const resolver = await this.resolverFor(folderPath, issueId);
    const platform = found.folder.snapshot?.events[issueId]?.platform ?? found.issue.platform;
    const location = await resolver.resolve(frame, { platform });
    return location
      ? { uri: vscode.Uri.joinPath(vscode.Uri.file(location.folder.path), location.file), line: location.line }
      : undefined;
  }

  private resolverFor(folderPath: string, issueId: string): Promise<FrameResolver> {
    let resolver = this.resolvers.get(folderPath);
    if (!resolver) {
      const folder = { name: folderPath.split(/[\\/]/).pop() ?? folderPath, path: folderPath };
      const folders = [folder];
      const connection = this.connectionOf(issueId);
      resolver = this.indexes
        .forFolder(folder)
        .index()
        .then(
          (files) => new FrameResolver({ folders, files, pathMappings: connection?.pathMappings ?? [], log: this.log }),
        );
      this.resolvers.set(folderPath, resolver);
    }
    return resolver;
  }

  private connectionOf(issueId: string): FolderConnection | undefined {
    const found = this.store.findIssue(issueId);
    return found ? this.connections.get(found.folder.folderPath) : undefined;
  }

  /** Forgets connections, e.g. after sign-in or a changed project, and reloads. */
  reconnect(): void {
    this.sources.reset();
    this.connections.clear();
    this.sessions.forget();
    this.resolvers.clear();
    this.me.clear();
    void this.refresh();
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const load of this.loads.values()) load.abort();
    this.refreshed.dispose();
    this.causes.dispose();
  }
}

function pickCounts(
  issue: Issue,
): Pick<
  Issue,
  'count' | 'userCount' | 'filtered' | 'status' | 'substatus' | 'statusDetails' | 'assignedTo' | 'isBookmarked'
> {
  const { count, userCount, filtered, status, substatus, statusDetails, assignedTo, isBookmarked } = issue;
  return { count, userCount, filtered, status, substatus, statusDetails, assignedTo, isBookmarked };
}
