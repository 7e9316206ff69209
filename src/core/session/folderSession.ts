// One workspace folder's running session with its Sentry project: each load starts from the one before (only what
// moved is asked again, missing events are asked again), and where a carried issue started is asked on demand, once.
import type { SentryClient } from '../api/client';
import type { ApiError } from '../api/errors';
import type { Issue } from '../api/issueSchema';
import { ok, type Result } from '../result';
import { maxChangedIssues, reloadChangedIssues } from './changedIssues';
import { loadWorkspaceIssues, previousOf, type LoadTarget, type WorkspaceIssues } from './loadWorkspaceIssues';
import type { LoadMemo } from './loadMemo';
import type { PreviousLoad } from './previousLoad';

/** What stays the same from one load to the next: the connection's project, release setting, paths… */
export type SessionTarget = Omit<LoadTarget, 'onProgress' | 'signal' | 'openFiles' | 'previous' | 'onPartial' | 'memo'>;

/** Updating only what changed takes a load of the project to start from. */
export type ChangeRun = Pick<LoadTarget, 'onProgress' | 'signal'>;

/** What changes per load. */
export type LoadRun = Pick<LoadTarget, 'onProgress' | 'signal' | 'openFiles' | 'onPartial'>;

export type ReleaseFacts = Pick<Issue, 'firstRelease' | 'lastRelease'>;

export class FolderSession {
  private previous: PreviousLoad | undefined;
  /** The last whole or updated load of this session (not a restored one): what an update starts from. */
  private last: WorkspaceIssues | undefined;
  private readonly memo: LoadMemo = {};
  private readonly facts = new Map<
    string,
    { readonly lastSeen: Issue['lastSeen']; readonly answer: Promise<Result<ReleaseFacts, ApiError>> }
  >();

  /** `restored`: a cached load shown before any request, which the first load then refreshes. */
  constructor(
    readonly client: SentryClient,
    private readonly target: SessionTarget,
    restored?: PreviousLoad,
  ) {
    this.previous = restored;
  }

  async load(run: LoadRun = {}): Promise<Result<WorkspaceIssues, ApiError>> {
    const loaded = await loadWorkspaceIssues(this.client, {
      ...this.target,
      ...run,
      previous: this.previous,
      memo: this.memo,
    });
    this.keep(loaded, run.signal);
    return loaded;
  }

  /**
   * Asks only the named issues again (and those whose event the last load missed), keeping the rest of the last load;
   * undefined when that cannot be done (no load of the project yet, or so many changes that a whole load is as cheap),
   * and the caller loads the whole folder instead.
   */
  update(issueIds: readonly string[], run: ChangeRun = {}): Promise<Result<WorkspaceIssues, ApiError>> | undefined {
    const last = this.last;
    const previous = this.previous;
    if (!last || !previous || this.memo.project === undefined) return undefined;
    const ids = [...new Set([...issueIds, ...previous.missing])];
    if (ids.length > maxChangedIssues) return undefined;
    if (ids.length === 0) return Promise.resolve(ok(last));
    return reloadChangedIssues(
      this.client,
      { ...this.target, ...run, memo: this.memo },
      { loaded: last, previous },
      ids,
    ).then((updated) => {
      this.keep(updated, run.signal);
      return updated;
    });
  }

  private keep(loaded: Result<WorkspaceIssues, ApiError>, signal: AbortSignal | undefined): void {
    if (!loaded.ok || signal?.aborted) return;
    this.previous = previousOf(loaded.value);
    this.last = loaded.value;
  }

  /**
   * Where an issue started and where it was last seen (its details), asked once per issue and again only after it
   * had new events. Servers that do not record releases per issue (GlitchTip) answer nothing, without a request.
   */
  releaseFacts(issue: Pick<Issue, 'id' | 'lastSeen'>, signal?: AbortSignal): Promise<Result<ReleaseFacts, ApiError>> {
    if (!this.client.backend.capabilities.firstReleaseQuery)
      return Promise.resolve(ok({ firstRelease: undefined, lastRelease: undefined }));
    const cached = this.facts.get(issue.id);
    if (cached && cached.lastSeen === issue.lastSeen) return cached.answer;
    const answer = this.client.issue(this.target.org, issue.id, signal).then((detail) => {
      if (!detail.ok) {
        this.facts.delete(issue.id); // a failure is not remembered: the next hover asks again
        return detail;
      }
      const facts = { firstRelease: detail.value.firstRelease, lastRelease: detail.value.lastRelease };
      this.remember(issue.id, facts);
      return ok(facts);
    });
    this.facts.set(issue.id, { lastSeen: issue.lastSeen, answer });
    return answer;
  }

  /** The next load carries the facts over (see withKnownReleases) instead of losing them with the fresh list. */
  private remember(issueId: string, facts: ReleaseFacts): void {
    const previous = this.previous;
    if (!previous?.issues.some((issue) => issue.id === issueId)) return;
    this.previous = {
      ...previous,
      issues: previous.issues.map((issue) => (issue.id === issueId ? { ...issue, ...facts } : issue)),
    };
  }
}
