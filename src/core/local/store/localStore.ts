// The local server's data: projects, issues and their newest events, in memory and bounded (an event's body only
// until the log holds it: then its place in the file). Every change is a StoreRecord, applied here and appended to the
// log by the caller, so that replaying the log rebuilds the same state.
import { StoredBody, type BodyPlace } from './eventBody';
import { LocalIssue } from './localIssue';
import { ReleaseBook } from './releaseState';
import { defaultStoreLimits, type StoreLimits } from './storeLimits';
import type { EventFacts, NewEvent, ProjectRecord, StoredEvent, StoreRecord } from './storeRecords';

/** Reads a body's text from the log, checked against its checksum. */
export type BodyReader = (body: StoredBody) => Promise<string>;

export interface AddedEvent {
  readonly issue: LocalIssue;
  readonly isNewIssue: boolean;
  /** The event reopened a resolved issue: it regressed. */
  readonly reopened: boolean;
  /** The issue existed, and this is its first event in the event's release. */
  readonly firstInRelease: boolean;
  /** The event id was already stored for the project: nothing changed and nothing is to be written. */
  readonly duplicate: boolean;
  /** No stored event named the event's release before: what a window detects as its release may have changed. */
  readonly newRelease: boolean;
  readonly records: StoreRecord[];
}

export class LocalStore {
  private readonly projectsById = new Map<string, ProjectRecord>();
  private readonly issuesById = new Map<string, LocalIssue>();
  private readonly issueIdByHash = new Map<string, string>();
  private readonly eventsByIssue = new Map<string, StoredEvent[]>();
  /** Every kept event in arrival order, keyed by project and event id; the first is evicted first. */
  private readonly events = new Map<string, StoredEvent>();
  private bodyChars = 0;
  private bodyReader: BodyReader | undefined;
  private nextIssueId = 1;
  /**
   * How many kept issues have events of each release: built from the issues' counts when first needed (after a load),
   * then kept current, so that evicting an issue tells which releases no stored event names any more without looking
   * through every other issue.
   */
  private issuesPerRelease: Map<string, number> | undefined;
  /** Releases created through the Web API; change them through apply() with `release` records. */
  readonly releases = new ReleaseBook();

  constructor(readonly limits: StoreLimits = defaultStoreLimits) {}

  // --- changes: each returns the records to persist ---

  /** The project of a DSN's project id, created on first use. */
  ensureProject(
    projectId: string,
    platform: string | null,
    now: number,
  ): { project: ProjectRecord; records: StoreRecord[] } {
    const known = this.projectsById.get(projectId);
    if (known) return { project: known, records: [] };
    const record: StoreRecord = {
      kind: 'project',
      project: {
        id: projectId,
        slug: `project-${projectId}`,
        name: `Project ${projectId}`,
        platform,
        dateCreated: now,
      },
    };
    this.apply(record);
    return { project: record.project, records: [record] };
  }

  /** Counts and keeps a processed event; its body comes as the JSON text ingest serialized it to, kept as it is. */
  addEvent(added: NewEvent, facts: EventFacts): AddedEvent {
    const { bodyJson, ...event } = added;
    const existingId = this.issueIdByHash.get(hashKey(event.projectId, facts.hash));
    if (this.events.has(eventKey(event.projectId, event.eventId))) {
      const issue = this.issuesById.get(existingId ?? '') ?? this.issueOfEvent(event.projectId, event.eventId);
      if (issue)
        return {
          issue,
          isNewIssue: false,
          reopened: false,
          firstInRelease: false,
          duplicate: true,
          newRelease: false,
          records: [],
        };
    }
    const issueId = existingId ?? String(this.nextIssueId);
    const before = existingId === undefined ? undefined : this.issuesById.get(existingId);
    const wasResolved = before?.status === 'resolved';
    const releaseSeen = before !== undefined && event.release !== undefined && before.counts.hasRelease(event.release);
    const newRelease = event.release !== undefined && !this.releaseIssueCounts().has(event.release);
    const record: StoreRecord = {
      kind: 'event',
      event: { ...event, issueId, body: StoredBody.ofText(bodyJson) },
      facts,
    };
    this.apply(record);
    const issue = this.issuesById.get(issueId);
    if (issue === undefined) throw new Error(`local store: issue ${issueId} vanished while adding an event`);
    return {
      issue,
      isNewIssue: existingId === undefined,
      reopened: wasResolved && issue.status !== 'resolved',
      firstInRelease: before !== undefined && event.release !== undefined && !releaseSeen,
      duplicate: false,
      newRelease,
      records: [record],
    };
  }

  /** The kept issues per release, built when first asked for; kept current from then on. */
  private releaseIssueCounts(): Map<string, number> {
    if (this.issuesPerRelease === undefined) {
      this.issuesPerRelease = new Map();
      for (const issue of this.issuesById.values()) this.countReleasesOf(issue, 1);
    }
    return this.issuesPerRelease;
  }

  /** Adds `by` (1 or -1) to the issue count of each release the issue has events of. */
  private countReleasesOf(issue: LocalIssue, by: 1 | -1): void {
    if (this.issuesPerRelease === undefined) return;
    for (const release of issue.counts.releases()) this.countRelease(release, by);
  }

  private countRelease(release: string, by: 1 | -1): void {
    const counts = this.issuesPerRelease;
    if (counts === undefined) return;
    const issues = (counts.get(release) ?? 0) + by;
    if (issues > 0) counts.set(release, issues);
    // A release no kept issue names is no longer one the events name: the next event naming it is a new release
    // again, which tells the windows that follow the store to look at the releases.
    else counts.delete(release);
  }

  /** Applies a triage change to an issue; undefined when there is no such issue. */
  updateIssue(
    issueId: string,
    change: (issue: LocalIssue) => void,
  ): { issue: LocalIssue; records: StoreRecord[] } | undefined {
    const issue = this.issuesById.get(issueId);
    if (issue === undefined) return undefined;
    change(issue);
    return { issue, records: [{ kind: 'issue', issue: issue.toJSON() }] };
  }

  /** Replays one record, from a live change or from the log. */
  apply(record: StoreRecord): void {
    switch (record.kind) {
      case 'project':
        if (!this.projectsById.has(record.project.id)) this.projectsById.set(record.project.id, record.project);
        return;
      case 'issue':
        this.putIssue(LocalIssue.fromJSON(record.issue));
        return;
      case 'event':
        this.countEvent(record.event, record.facts);
        this.keep(record.event);
        return;
      case 'kept':
        if (this.issuesById.has(record.event.issueId)) this.keep(record.event);
        return;
      case 'release':
        this.releases.put(record.release);
        return;
      case 'releaseDeleted':
        this.releases.delete(record.version);
        return;
    }
  }

  /** The records that rebuild the current state, for compacting the log. */
  snapshotRecords(): StoreRecord[] {
    return [
      ...[...this.projectsById.values()].map((project): StoreRecord => ({ kind: 'project', project })),
      ...[...this.issuesById.values()].map((issue): StoreRecord => ({ kind: 'issue', issue: issue.toJSON() })),
      ...[...this.events.values()].map((event): StoreRecord => ({ kind: 'kept', event })),
      ...this.releases.all().map((release): StoreRecord => ({ kind: 'release', release })),
    ];
  }

  /** How many records snapshotRecords() would write. */
  get liveRecordCount(): number {
    return this.projectsById.size + this.issuesById.size + this.events.size + this.releases.size;
  }

  // --- queries ---

  projects(): ProjectRecord[] {
    return [...this.projectsById.values()];
  }

  project(id: string): ProjectRecord | undefined {
    return this.projectsById.get(id);
  }

  issues(): LocalIssue[] {
    return [...this.issuesById.values()];
  }

  issue(id: string): LocalIssue | undefined {
    return this.issuesById.get(id);
  }

  /** The kept events of an issue, oldest first by timestamp (arrival breaks ties). */
  eventsOf(issueId: string): readonly StoredEvent[] {
    return this.eventsByIssue.get(issueId) ?? [];
  }

  get eventCount(): number {
    return this.events.size;
  }

  /** Bytes of the kept event bodies, which `maxEventChars` bounds. */
  get eventChars(): number {
    return this.bodyChars;
  }

  /** The event's body text: from memory, or read back from the log once only the log holds it. */
  bodyText(event: StoredEvent): Promise<string> {
    const held = event.body.heldText;
    if (held !== undefined) return Promise.resolve(held);
    if (event.body.placeInLog === undefined || this.bodyReader === undefined)
      return Promise.reject(
        new Error(`local store: the body of event ${event.eventId} is neither in memory nor in the log`),
      );
    return this.bodyReader(event.body);
  }

  /** How bodies the log holds are read back: PersistedStore sets it to its log's reader. */
  readBodiesWith(reader: BodyReader): void {
    this.bodyReader = reader;
  }

  // --- internals ---

  private countEvent(event: StoredEvent, facts: EventFacts): void {
    let issue = this.issuesById.get(event.issueId);
    if (issue === undefined) {
      const shortNumber =
        1 +
        this.issues()
          .filter((candidate) => candidate.projectId === event.projectId)
          .reduce((max, candidate) => Math.max(max, candidate.shortNumber), 0);
      issue = new LocalIssue(event.issueId, event.projectId, shortNumber, facts.hash, facts, event);
      this.putIssue(issue);
    }
    const release = this.issuesPerRelease === undefined ? undefined : event.release;
    const newInIssue = release !== undefined && !issue.counts.hasRelease(release);
    issue.add(event);
    if (newInIssue) this.countRelease(release, 1);
    this.evictIssues(issue);
  }

  private putIssue(issue: LocalIssue): void {
    const replaced = this.issuesById.get(issue.id);
    if (replaced !== undefined) this.countReleasesOf(replaced, -1);
    this.countReleasesOf(issue, 1);
    this.issuesById.set(issue.id, issue);
    this.issueIdByHash.set(hashKey(issue.projectId, issue.hash), issue.id);
    const numeric = Number(issue.id);
    if (Number.isSafeInteger(numeric)) this.nextIssueId = Math.max(this.nextIssueId, numeric + 1);
  }

  private keep(event: StoredEvent): void {
    const key = eventKey(event.projectId, event.eventId);
    if (this.events.has(key)) return;
    this.events.set(key, event);
    this.bodyChars += sizeOf(event);
    const list = this.eventsByIssue.get(event.issueId) ?? [];
    insertByTimestamp(list, event);
    this.eventsByIssue.set(event.issueId, list);
    while (list.length > this.limits.maxEventsPerIssue) {
      const oldest = list[0];
      if (oldest) this.forget(oldest);
    }
    for (const oldest of this.events.values()) {
      if (this.events.size <= this.limits.maxEvents && this.bodyChars <= this.limits.maxEventChars) break;
      this.forget(oldest);
    }
  }

  private forget(event: StoredEvent): void {
    if (!this.events.delete(eventKey(event.projectId, event.eventId))) return;
    this.bodyChars -= sizeOf(event);
    const list = this.eventsByIssue.get(event.issueId);
    const at = list?.indexOf(event) ?? -1;
    if (list && at >= 0) list.splice(at, 1);
  }

  /**
   * Beyond the issue limit, the issue seen longest ago goes, with its events; never the issue of the event just
   * counted, even one whose event is older than every other issue's (it would be gone before it was answered).
   */
  private evictIssues(counted: LocalIssue): void {
    while (this.issuesById.size > this.limits.maxIssues) {
      let stalest: LocalIssue | undefined;
      for (const issue of this.issuesById.values())
        if (issue !== counted && (stalest === undefined || issue.lastSeen < stalest.lastSeen)) stalest = issue;
      if (stalest === undefined) return;
      for (const event of [...this.eventsOf(stalest.id)]) this.forget(event);
      this.eventsByIssue.delete(stalest.id);
      this.issuesById.delete(stalest.id);
      this.issueIdByHash.delete(hashKey(stalest.projectId, stalest.hash));
      this.countReleasesOf(stalest, -1);
    }
  }

  private issueOfEvent(projectId: string, eventId: string): LocalIssue | undefined {
    const event = this.events.get(eventKey(projectId, eventId));
    return event ? this.issuesById.get(event.issueId) : undefined;
  }
}

/**
 * Puts `event` after every event of `list` (oldest first) not newer than it: where a stable sort by timestamp would.
 * Events mostly arrive in order, so the search from the end stops at once, instead of sorting the list per event.
 */
function insertByTimestamp(list: StoredEvent[], event: StoredEvent): void {
  let at = list.length;
  while (at > 0 && (list[at - 1]?.timestamp ?? 0) > event.timestamp) at--;
  list.splice(at, 0, event);
}

function hashKey(projectId: string, hash: string): string {
  return `${projectId}\0${hash}`;
}

function eventKey(projectId: string, eventId: string): string {
  return `${projectId}\0${eventId}`;
}

/** What an event costs against `maxEventChars`: its body's JSON text in UTF-8 bytes, as the log holds it. */
function sizeOf(event: StoredEvent): number {
  return event.body.bytes;
}
