// One issue of the local store: its triage state, the facts of its first event, and its counts. Decides what a new
// event does to its status (a resolved issue regresses, as in Sentry).
import { IssueCounts } from './issueCounts';
import type { Assignee, EventFacts, EventMeta, IssueStateJson } from './storeRecords';

/** What an issue takes from its first event. */
type FirstEvent = Pick<EventMeta, 'timestamp' | 'release'>;

export type IssueStatus = 'unresolved' | 'resolved' | 'ignored';

/** Sentry's auto-transition task moves an issue from New to Ongoing this long after it was first seen, whatever its event count. */
export const newIssueDurationMs = 7 * 24 * 60 * 60 * 1000;

export class LocalIssue {
  status: IssueStatus = 'unresolved';
  substatus: string | null = 'new';
  statusDetails: Record<string, unknown> = {};
  resolvedInRelease: string | null = null;
  ignoredUntil: number | null = null;
  assignedTo: Assignee | null = null;
  isBookmarked = false;
  hasSeen = false;
  count = 0;
  firstSeen: number;
  lastSeen: number;
  firstRelease: string | null;
  lastRelease: string | null;
  counts = new IssueCounts();

  constructor(
    readonly id: string,
    readonly projectId: string,
    readonly shortNumber: number,
    readonly hash: string,
    readonly facts: EventFacts,
    first: FirstEvent,
  ) {
    this.firstSeen = first.timestamp;
    this.lastSeen = first.timestamp;
    this.firstRelease = first.release ?? null;
    this.lastRelease = first.release ?? null;
  }

  /** Counts the event and reopens the issue when the event says it is back. */
  add(event: EventMeta): void {
    this.count += 1;
    this.firstSeen = Math.min(this.firstSeen, event.timestamp);
    if (event.timestamp >= this.lastSeen) {
      this.lastSeen = event.timestamp;
      this.lastRelease = event.release ?? this.lastRelease;
    }
    this.counts.add(event);
    if (this.status === 'resolved' && !(this.resolvedInRelease !== null && event.release === this.resolvedInRelease)) {
      this.reopen('regressed');
    } else if (this.status === 'ignored' && this.ignoredUntil !== null && event.receivedAt >= this.ignoredUntil) {
      this.reopen('ongoing');
    }
  }

  /** The substatus the API reports at `now`: a new issue turns ongoing a week after its first event, as in Sentry. */
  substatusAt(now: number): string | null {
    return this.substatus === 'new' && now - this.firstSeen >= newIssueDurationMs ? 'ongoing' : this.substatus;
  }

  reopen(substatus: string): void {
    this.status = 'unresolved';
    this.substatus = substatus;
    this.statusDetails = {};
    this.resolvedInRelease = null;
    this.ignoredUntil = null;
  }

  toJSON(): IssueStateJson {
    return {
      id: this.id,
      projectId: this.projectId,
      shortNumber: this.shortNumber,
      ...this.facts,
      status: this.status,
      substatus: this.substatus,
      statusDetails: this.statusDetails,
      resolvedInRelease: this.resolvedInRelease,
      ignoredUntil: this.ignoredUntil,
      assignedTo: this.assignedTo,
      isBookmarked: this.isBookmarked,
      hasSeen: this.hasSeen,
      count: this.count,
      firstSeen: this.firstSeen,
      lastSeen: this.lastSeen,
      firstRelease: this.firstRelease,
      lastRelease: this.lastRelease,
      counts: this.counts.toJSON(),
    };
  }

  static fromJSON(json: IssueStateJson): LocalIssue {
    const { hash, level, platform, title, culprit, type, metadata, isUnhandled } = json;
    const facts: EventFacts = { hash, level, platform, title, culprit, type, metadata, isUnhandled };
    const first = { timestamp: json.firstSeen, release: json.firstRelease ?? undefined };
    const issue = new LocalIssue(json.id, json.projectId, json.shortNumber, json.hash, facts, first);
    Object.assign(issue, {
      status: json.status,
      substatus: json.substatus,
      statusDetails: json.statusDetails,
      resolvedInRelease: json.resolvedInRelease,
      ignoredUntil: json.ignoredUntil,
      assignedTo: json.assignedTo,
      isBookmarked: json.isBookmarked,
      hasSeen: json.hasSeen,
      count: json.count,
      firstSeen: json.firstSeen,
      lastSeen: json.lastSeen,
      firstRelease: json.firstRelease,
      lastRelease: json.lastRelease,
      counts: IssueCounts.fromJSON(json.counts),
    });
    return issue;
  }
}
