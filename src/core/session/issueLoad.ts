// One load of a folder's issues once project and release are known: the list pages, the issues new in the release,
// and at most one latest-event request per issue, the open files' issues first. Beyond the open files, where the
// server has the organization events endpoint, a hundred issues' frames come in two requests (latestStacks). An issue
// that did not move since the previous load keeps its event and marks; one the server was too busy to answer is
// reported missing, never dropped.
import { discoverBatchSize, type SentryClient } from '../api/client';
import type { EventStackRow } from '../api/discoverSchema';
import { isServerBusy, type ApiError } from '../api/errors';
import type { IssueEvent } from '../api/eventSchema';
import type { Issue } from '../api/issueSchema';
import { plural } from '../format/counts';
import type { IssueIndex, LineHit } from '../index/issueIndex';
import { LoadingIndex } from '../index/loadingIndex';
import { err, ok, type Result } from '../result';
import { hitsOfEvent, hitsOfStacks, type FrameLocator } from '../scan/eventHits';
import { quoteSearchValue } from '../scan/searchQuoting';
import { latestEventOutcome, type EventFilter } from './eventOutcome';
import { latestStacks } from './latestStacks';
import type { LoadMemo } from './loadMemo';
import { fileSearchTerms, touchesOpenFile, type OpenFiles } from './openFiles';
import { hasMoved, hitsByIssue, withIssueFacts, withKnownReleases, type PreviousLoad } from './previousLoad';

export interface IssueLoadSetup {
  readonly client: SentryClient;
  readonly org: string;
  readonly projectId: string;
  readonly release?: string;
  readonly environments?: readonly string[];
  readonly statsPeriod: string;
  /** Or its pending answer: the code mappings are asked beside the first list page, and only events wait for them. */
  readonly resolver: FrameLocator | Promise<FrameLocator>;
  /** The previous load of the same release and environments, or nothing. */
  readonly previous?: PreviousLoad;
  readonly openFiles: OpenFiles;
  readonly signal?: AbortSignal;
  readonly warnings: string[];
  readonly onProgress: (message: string) => void;
  readonly onPartial?: (partial: LoadedIssues) => void;
  /** Where the session remembers that the server refused the organization events endpoint. */
  readonly memo?: LoadMemo;
  /**
   * Ask only these issues again (the local server named them as changed): the rest are the previous load's, as they
   * were. An issue the search no longer finds (resolved meanwhile) leaves the result.
   */
  readonly only?: readonly string[];
}

/** An issue whose latest event the server was too busy (or failing) to give: the load is incomplete without it. */
export interface MissingEvent {
  readonly issueId: string;
  readonly shortId: string;
  readonly error: ApiError;
}

export interface LoadedIssues {
  readonly issues: readonly Issue[];
  /** The latest event of each issue (within the release where it has one), by issue id. */
  readonly events: ReadonlyMap<string, IssueEvent>;
  readonly index: IssueIndex;
  readonly unresolvedFrames: number;
  readonly unresolvedByIssue: ReadonlyMap<string, number>;
  readonly missing: readonly MissingEvent[];
  /**
   * Issues whose marks come from a Discover row of their latest event's frames, not from the event: no source context,
   * so their lines are placed as recorded (no drift check), and the event itself is asked when a view needs it.
   */
  readonly framesOnly: ReadonlySet<string>;
}

/** How often a long load shows what it has so far. */
const partialEveryMs = 1000;
/**
 * Fewer issues than this go one by one even where Discover answers: they fit in one window of the per-issue endpoint
 * (15/s), come back within the round trip the two Discover requests take, and bring the context lines drift needs.
 */
const fewestForDiscover = 16;

export class IssueLoad {
  private readonly listed = new Map<string, Issue>();
  /** Issues the open files' searches found, shown in partial results before the list pages reach them. */
  private readonly searched = new Map<string, Issue>();
  private readonly events = new Map<string, IssueEvent>();
  private readonly hits = new Map<string, readonly LineHit[]>();
  private readonly unresolved = new Map<string, number>();
  private readonly missing = new Map<string, MissingEvent>();
  private readonly started = new Map<string, Promise<void>>();
  private readonly framesOnly = new Set<string>();
  /** The server refused Discover during this load (a scan has no session memo to keep it in). */
  private discoverRefused = false;
  /** Issues beyond the open files waiting for a Discover request (a hundred at a time). */
  private readonly queued: Issue[] = [];
  /** Issues waiting until the open files' issues have been asked for. */
  private deferred: Issue[] | undefined = [];
  private newIds: ReadonlySet<string> | undefined;
  private readonly previousIssues: ReadonlyMap<string, Issue>;
  private readonly previousHits: ReadonlyMap<string, readonly LineHit[]>;
  private lastPartial = 0;
  /** What the results show, kept from one to the next so that each costs what changed (see LoadingIndex). */
  private readonly index = new LoadingIndex();
  private readonly storied = new Map<
    string,
    { readonly listed: Issue; readonly newIds: ReadonlySet<string> | undefined; readonly issue: Issue }
  >();

  constructor(private readonly setup: IssueLoadSetup) {
    this.previousIssues = new Map((setup.previous?.issues ?? []).map((issue) => [issue.id, issue]));
    this.previousHits = hitsByIssue(setup.previous?.hits ?? []);
  }

  async run(): Promise<Result<LoadedIssues, ApiError>> {
    const { client, org, release, only } = this.setup;
    const releaseFilter = release ? `release:${quoteSearchValue(release)}` : undefined;
    const onlyFilter = only ? `issue.id:[${only.join(',')}]` : undefined;
    const baseQuery = ['is:unresolved', releaseFilter, onlyFilter].filter(Boolean).join(' ');
    const openFirst = only ? this.startDeferred() : this.askOpenFilesFirst(baseQuery);
    // The story comes from lists: the issues first seen in the release are new; substatus and status tell the rest.
    const canTellNew = release !== undefined && client.backend.capabilities.firstReleaseQuery;
    const started = canTellNew
      ? this.list(`${baseQuery} firstRelease:${quoteSearchValue(release)}`)
      : Promise.resolve(ok<Issue[]>([]));
    void started.then((answer) => {
      if (answer.ok && canTellNew) this.newIds = new Set(answer.value.map((issue) => issue.id));
    });
    const listed = await this.list(baseQuery, (page) => this.onPage(page));
    await openFirst;
    this.flushQueued(true);
    const newIssues = await started;
    await this.settled();
    if (!listed.ok) return err(listed.error);
    if (!newIssues.ok) return err(newIssues.error);
    return ok(this.assemble(false));
  }

  private list(
    query: string,
    onPage?: (page: readonly Issue[]) => void,
    maxIssues?: number,
  ): Promise<Result<Issue[], ApiError>> {
    const { client, org, projectId, environments, statsPeriod, signal } = this.setup;
    return client.issues(
      org,
      { projectId, query, environments, statsPeriod, sort: 'freq', signal, ...(maxIssues ? { maxIssues } : {}) },
      onPage,
    );
  }

  /**
   * Asks each open file's issues by a `stack.filename:` search (Sentry only; GlitchTip has no such search) beside the
   * first list page, starts their events, and only then lets the rest of the list ask for theirs.
   */
  private async askOpenFilesFirst(baseQuery: string): Promise<void> {
    const terms = this.setup.client.backend.kind === 'sentry' ? fileSearchTerms(this.setup.openFiles) : [];
    // Each file's issues ask for their events as soon as its own search answers: with few requests in flight at once
    // (a server that announces no limit), a later file's search must not hold back the active file's events.
    await Promise.all(
      terms.map(async (term) => {
        const answer = await this.list(`${baseQuery} ${term}`, undefined, 100);
        // A server that does not understand the search only loses the head start.
        if (!answer.ok) return;
        for (const issue of answer.value) {
          this.searched.set(issue.id, issue);
          this.startOrReuse(issue);
        }
      }),
    );
    const first = [...this.started.values()];
    await this.startDeferred();
    if (first.length === 0) return;
    await Promise.all(first);
    this.emitPartial(true);
  }

  /** Lets the list's issues ask for their events (those that waited, and those that come). */
  private async startDeferred(): Promise<void> {
    const waiting = this.deferred ?? [];
    this.deferred = undefined;
    for (const issue of waiting) this.enqueue(issue);
  }

  private onPage(page: readonly Issue[]): void {
    for (const issue of page) this.listed.set(issue.id, issue);
    const waiting = this.deferred;
    for (const issue of page) {
      if (touchesOpenFile(issue, this.setup.openFiles)) this.startOrReuse(issue);
      else if (!waiting) this.enqueue(issue);
      else if (!this.started.has(issue.id) && !this.reuse(issue)) waiting.push(issue);
    }
    this.report();
  }

  private startOrReuse(issue: Issue): void {
    if (this.started.has(issue.id) || this.reuse(issue)) return;
    this.started.set(issue.id, this.loadEvent(issue));
  }

  /** An issue beyond the open files: its frames come with a hundred others' where the server answers Discover. */
  private enqueue(issue: Issue): void {
    if (!this.discoverOpen()) return this.startOrReuse(issue);
    if (this.started.has(issue.id) || this.reuse(issue) || this.queued.includes(issue)) return;
    this.queued.push(issue);
    this.flushQueued(false);
  }

  private discoverOpen(): boolean {
    return (
      this.setup.client.backend.capabilities.discover &&
      !this.discoverRefused &&
      this.setup.memo?.discoverRefused === undefined
    );
  }

  /** Sends every full hundred; with `all`, the rest too (a few go one by one: see fewestForDiscover). */
  private flushQueued(all: boolean): void {
    while (this.queued.length >= discoverBatchSize || (all && this.queued.length > 0)) {
      const chunk = this.queued.splice(0, discoverBatchSize).filter((issue) => !this.started.has(issue.id));
      if (chunk.length < fewestForDiscover) {
        for (const issue of chunk) this.startOrReuse(issue);
        continue;
      }
      const done = this.loadStacks(chunk);
      for (const issue of chunk) this.started.set(issue.id, done);
    }
  }

  /**
   * A hundred issues' latest frames from Discover. Whatever it does not answer goes one by one: an issue without an event
   * in the period, a row that did not read, frames that place nothing while the full event might (threads, debug images,
   * in-app frames not found), and all of them when the request fails. A server that refuses the endpoint (no Discover,
   * no permission, a query it rejects) is not asked again in this session.
   */
  private async loadStacks(issues: readonly Issue[]): Promise<void> {
    const { client, org, projectId, release, environments, statsPeriod, signal, memo } = this.setup;
    const answer = await latestStacks(client, org, issues, { projectId, release, environments, statsPeriod, signal });
    if (!answer.ok && !isServerBusy(answer.error) && answer.error.kind !== 'cancelled') {
      this.discoverRefused = true;
      if (memo) memo.discoverRefused = answer.error.message;
    }
    const rows = answer.ok ? answer.value : new Map<string, EventStackRow>();
    const oneByOne: Issue[] = [];
    for (const issue of issues) {
      const row = rows.get(issue.id);
      if (!row || !(await this.placeFrames(issue, row))) oneByOne.push(issue);
    }
    await Promise.all(oneByOne.map((issue) => this.loadEvent(issue)));
    this.report();
    this.emitPartial(false);
  }

  /** True when the row's frames settle the issue's marks. */
  private async placeFrames(issue: Issue, row: EventStackRow): Promise<boolean> {
    const found = await hitsOfStacks(issue, row.stacks, { platform: issue.platform }, await this.setup.resolver);
    if (found.hits.length === 0 && (found.unresolvedFrames > 0 || row.stacks.every((frames) => frames.length === 0)))
      return false;
    this.hits.set(issue.id, found.hits);
    this.unresolved.set(issue.id, found.unresolvedFrames);
    this.framesOnly.add(issue.id);
    this.missing.delete(issue.id);
    return true;
  }

  /** An issue with no new events since the previous load keeps what that load found; true when so. */
  private reuse(issue: Issue): boolean {
    const previous = this.setup.previous;
    const before = this.previousIssues.get(issue.id);
    if (!previous || !before || hasMoved(before, issue) || previous.missing.has(issue.id)) return false;
    // An open file's issue placed from frames alone gets its event now: context lines, drift, the hover's details.
    if (
      previous.framesOnly?.has(issue.id) &&
      (touchesOpenFile(issue, this.setup.openFiles) || this.searched.has(issue.id))
    )
      return false;
    if (previous.framesOnly?.has(issue.id)) this.framesOnly.add(issue.id);
    const event = previous.events.get(issue.id);
    if (event) this.events.set(issue.id, event);
    this.hits.set(issue.id, withIssueFacts(this.previousHits.get(issue.id) ?? [], issue));
    this.unresolved.set(issue.id, previous.unresolvedFrames.get(issue.id) ?? 0);
    return true;
  }

  private async loadEvent(issue: Issue): Promise<void> {
    const { client, org, release, environments, signal } = this.setup;
    const filter: EventFilter = {
      environments,
      query: release ? `release:${quoteSearchValue(release)}` : undefined,
      signal,
    };
    const outcome = await latestEventOutcome(client, org, issue, filter);
    if (outcome.kind === 'loaded') {
      const found = await hitsOfEvent(issue, outcome.event, await this.setup.resolver);
      this.framesOnly.delete(issue.id);
      this.events.set(issue.id, outcome.event);
      this.hits.set(issue.id, found.hits);
      this.unresolved.set(issue.id, found.unresolvedFrames);
      this.missing.delete(issue.id);
    } else if (outcome.kind === 'skipped') {
      this.setup.warnings.push(outcome.warning);
    } else {
      this.missing.set(issue.id, { issueId: issue.id, shortId: issue.shortId, error: outcome.error });
      // The marks it had stay until the server answers: better an older trace than none.
      const event = this.setup.previous?.events.get(issue.id);
      if (event) this.events.set(issue.id, event);
      const hits = this.previousHits.get(issue.id);
      if (hits) this.hits.set(issue.id, withIssueFacts(hits, issue));
    }
    this.report();
    this.emitPartial(false);
  }

  /** Waits for every event load, including those started while waiting. */
  private async settled(): Promise<void> {
    for (let seen = -1; seen !== this.started.size;) {
      seen = this.started.size;
      await Promise.all(this.started.values());
    }
  }

  private report(): void {
    const { release } = this.setup;
    this.setup.onProgress(
      `Loading issues${release ? ` of ${release}` : ''}: ${plural(this.listed.size, 'issue')}, ${plural(this.events.size + this.framesOnly.size, 'latest event')}`,
    );
  }

  private emitPartial(now: boolean): void {
    const onPartial = this.setup.onPartial;
    if (!onPartial || (!now && Date.now() - this.lastPartial < partialEveryMs)) return;
    this.lastPartial = Date.now();
    onPartial(this.assemble(true));
  }

  /**
   * The issues with their marks. A partial result also keeps the previous load's issues the lists have not reached
   * yet, so a refresh never blanks what is on screen; the final one holds exactly what the lists gave.
   */
  private assemble(partial: boolean): LoadedIssues {
    const issues = this.setup.only ? this.withUnchanged(this.setup.only) : [...this.listed.values()];
    if (partial && !this.setup.only) {
      for (const [id, issue] of this.searched) if (!this.listed.has(id)) issues.push(issue);
      for (const [id, issue] of this.previousIssues)
        if (!this.listed.has(id) && !this.searched.has(id)) issues.push(issue);
    }
    const hitsByIssue = new Map<string, readonly LineHit[]>();
    const storied: Issue[] = [];
    const events = new Map<string, IssueEvent>();
    const unresolvedByIssue = new Map<string, number>();
    let unresolvedFrames = 0;
    for (const listed of issues) {
      const issue = this.storiedIssue(listed);
      storied.push(issue);
      const fresh = this.listed.has(issue.id) || this.searched.has(issue.id);
      // Hits carry their issue's facts already (fresh from it, or updated when reused): each partial result would
      // otherwise copy every hit again.
      const hits = fresh ? this.hits.get(issue.id) : (this.hits.get(issue.id) ?? this.previousHits.get(issue.id));
      if (hits) hitsByIssue.set(issue.id, hits);
      const event = this.events.get(issue.id) ?? (fresh ? undefined : this.setup.previous?.events.get(issue.id));
      if (event) events.set(issue.id, event);
      const unresolved =
        this.unresolved.get(issue.id) ?? (fresh ? 0 : (this.setup.previous?.unresolvedFrames.get(issue.id) ?? 0));
      unresolvedByIssue.set(issue.id, unresolved);
      unresolvedFrames += unresolved;
    }
    const missing = [...this.missing.values()].filter((entry) => this.listed.has(entry.issueId));
    const framesOnly = new Set([...this.framesOnly].filter((id) => unresolvedByIssue.has(id)));
    const index = this.index.indexOf(hitsByIssue);
    return { issues: storied, events, index, unresolvedFrames, unresolvedByIssue, missing, framesOnly };
  }

  /** The issue with what is known of its story, made again only for a new list object or once the new ones are known. */
  private storiedIssue(listed: Issue): Issue {
    const kept = this.storied.get(listed.id);
    if (kept && kept.listed === listed && kept.newIds === this.newIds) return kept.issue;
    const issue = this.withStory(withKnownReleases(listed, this.previousIssues.get(listed.id)));
    this.storied.set(listed.id, { listed, newIds: this.newIds, issue });
    return issue;
  }

  /** The previous load's issues in their order, each changed one as listed now (or gone), then the changed ones it lacked. */
  private withUnchanged(only: readonly string[]): Issue[] {
    const changed = new Set(only);
    const kept = [...this.previousIssues.values()].flatMap((issue) =>
      changed.has(issue.id) ? (this.listed.has(issue.id) ? [this.listed.get(issue.id) as Issue] : []) : [issue],
    );
    const added = [...this.listed.values()].filter((issue) => !this.previousIssues.has(issue.id));
    return [...kept, ...added];
  }

  /** An issue first seen in the release: its first release is known without asking its details. */
  private withStory(issue: Issue): Issue {
    const { release } = this.setup;
    if (!release || issue.firstRelease || !this.newIds?.has(issue.id)) return issue;
    return { ...issue, firstRelease: { version: release } };
  }
}
