// Ingest behind the HTTP layer: processes an event against the workspace, stores it (waiting until it is written), and
// tells the change feed. Other item types (transactions, sessions, client reports, attachments…) are only counted.
import type { Logger } from '../../log';
import type { ScrubbingSettings } from '../../privacy/sensitiveData';
import { err, ok, type Result } from '../../result';
import type { Listeners } from '../../state/listeners';
import type { IngestChange } from '../changeFeed';
import type { IngestRejection } from '../envelope/ingestRejection';
import { processEvent } from '../process/eventProcessor';
import { PreparedStacks } from '../process/preparedStacks';
import type { ProcessedEvent } from '../process/processedEvent';
import type { WorkspaceSources } from '../process/workspaceSources';
import type { PersistedStore } from '../store/persistedStore';
import { shortIdOf } from '../store/shortId';

export interface IngestServiceOptions {
  readonly persisted: PersistedStore;
  /** The workspace's files and maps; `useWorkspace` replaces them when the folders change. */
  readonly workspace: WorkspaceSources | undefined;
  readonly feed: Listeners<IngestChange>;
  readonly log: Logger;
  readonly now?: () => number;
  readonly scrubbing?: ScrubbingSettings;
}

/** Distinct item types counted by name; any further ones are counted together. */
const MAX_COUNTED_TYPES = 64;

export class IngestService {
  private readonly counts = new Map<string, number>();
  /** Stacks seen before, kept ready to store: the server's events repeat a few stacks many times. */
  private stacks = new PreparedStacks();
  private workspace: WorkspaceSources | undefined;

  constructor(private readonly options: IngestServiceOptions) {
    this.workspace = options.workspace;
  }

  /** Events from now on resolve against these folders' sources; stacks prepared against the old ones are dropped. */
  useWorkspace(workspace: WorkspaceSources | undefined): void {
    this.workspace = workspace;
    this.stacks = new PreparedStacks();
  }

  /** Items received per type (`event`, `transaction`, `session`, `client_report`, `attachment`, …). */
  get itemCounts(): ReadonlyMap<string, number> {
    return this.counts;
  }

  countItem(type: string): void {
    const key = this.counts.has(type) || this.counts.size < MAX_COUNTED_TYPES ? type : 'other';
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  async ingestEvent(
    projectId: string,
    payload: unknown,
    clientIp: string | undefined,
  ): Promise<Result<{ eventId: string }, IngestRejection>> {
    const now = (this.options.now ?? Date.now)();
    const sources = this.workspace;
    const workspace = sources === undefined ? undefined : await sources.snapshot();
    let processed = await processEvent(payload, {
      receivedAt: now,
      clientIp,
      workspace,
      scrubbing: this.options.scrubbing,
      stacks: this.stacks,
    });
    // A script the snapshot lacked exists now (a build just wrote it): once more on a fresh one, as later events will be.
    if (sources?.isOutdated(workspace))
      processed = await processEvent(payload, {
        receivedAt: now,
        clientIp,
        workspace: await sources.snapshot(),
        scrubbing: this.options.scrubbing,
        stacks: this.stacks,
      });
    if (!processed.ok) return err(processed.error);
    await this.store(projectId, processed.value, now);
    return ok({ eventId: processed.value.eventId });
  }

  private async store(projectId: string, event: ProcessedEvent, now: number): Promise<void> {
    const { persisted } = this.options;
    const project = persisted.store.ensureProject(projectId, event.platform, now);
    const added = persisted.store.addEvent(
      {
        eventId: event.eventId,
        projectId,
        timestamp: event.timestamp,
        receivedAt: event.receivedAt,
        release: event.release,
        environment: event.environment,
        userKey: event.userKey,
        tags: event.tags.map(([key, value]) => [key, value]),
        bodyJson: event.bodyJson,
      },
      {
        hash: event.hash,
        level: event.level,
        platform: event.platform,
        title: event.title,
        culprit: event.culprit,
        type: event.type,
        metadata: event.metadata,
        isUnhandled: event.isUnhandled,
      },
    );
    // An event's first release makes every window detect its release again (a whole load), as a created release does:
    // a window that found none on an empty server then switches to the release the workspace runs.
    await persisted.commit([...project.records, ...added.records], { releasesChanged: added.newRelease });
    if (added.duplicate) return;
    this.options.feed.fire({
      kind: added.isNewIssue ? 'newIssue' : 'newEvent',
      story: added.isNewIssue
        ? 'new'
        : added.reopened
          ? 'regressed'
          : added.firstInRelease
            ? 'firstInRelease'
            : 'again',
      issueFirstRelease: added.issue.firstRelease ?? undefined,
      projectId,
      issueId: added.issue.id,
      shortId: shortIdOf(added.issue),
      eventId: event.eventId,
      title: added.issue.facts.title,
      level: event.level,
      release: event.release,
      environment: event.environment,
      raisedAt: event.raisedAt,
    });
  }
}
