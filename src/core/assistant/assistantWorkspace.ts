// What an AI assistant can ask of one workspace over a connected client: the release's issues that touch the workspace
// (loaded afresh on each ask, reusing what did not change), one issue's grounded context, and triage.
import type { SentryClient } from '../api/client';
import type { ApiError } from '../api/errors';
import type { IssueEvent } from '../api/eventSchema';
import type { IssueChange } from '../api/issueChange';
import type { Issue } from '../api/issueSchema';
import { WorkspaceFileReader } from '../resolve/workspaceFileReader';
import { ok, type Result } from '../result';
import { buildResolver } from '../scan/resolverSetup';
import { loadWorkspaceIssues, previousOf, type LoadTarget, type WorkspaceIssues } from '../session/loadWorkspaceIssues';
import type { LoadMemo } from '../session/loadMemo';
import { issueContextText } from './issueContext';
import { locateFrames } from './locatedFrames';

/** What a load needs of the workspace and its connection (see LoadTarget), and the connected client. */
export interface AssistantWorkspaceSetup extends Pick<LoadTarget, 'org' | 'project' | 'folder' | 'release' | 'releaseMustExist' | 'environments' | 'statsPeriod' | 'env' | 'log'> {
  readonly client: SentryClient;
}

/** An issue found by id or short id, with its latest event where one could be read. */
export interface FoundIssue {
  readonly issue: Issue;
  readonly event?: IssueEvent;
}

export class AssistantWorkspace {
  private readonly memo: LoadMemo = {};
  private last: WorkspaceIssues | undefined;

  constructor(private readonly setup: AssistantWorkspaceSetup) {}

  /** The release's unresolved issues as they are now; a second ask reuses the events of issues that did not move. */
  async issues(): Promise<Result<WorkspaceIssues, ApiError>> {
    const { client, log, ...target } = this.setup;
    const loaded = await loadWorkspaceIssues(client, { ...target, log, memo: this.memo, ...(this.last ? { previous: previousOf(this.last) } : {}) });
    if (loaded.ok) this.last = loaded.value;
    return loaded;
  }

  /** The issue named by its numeric id or its short id (e.g. SHOP-WEB-1A), from the last load or else the server. */
  async find(reference: string): Promise<Result<FoundIssue, ApiError>> {
    const loaded = this.last ?? (await this.loadOnce());
    const wanted = reference.trim();
    if (loaded) {
      const issue = loaded.issues.find((candidate) => candidate.id === wanted || candidate.shortId.toLowerCase() === wanted.toLowerCase());
      if (issue) {
        const event = loaded.events.get(issue.id) ?? (await this.latestEvent(issue.id));
        return ok({ issue, ...(event ? { event } : {}) });
      }
    }
    const asked = await this.setup.client.issue(this.setup.org, wanted);
    if (!asked.ok) return asked;
    const event = await this.latestEvent(asked.value.id);
    return ok({ issue: asked.value, ...(event ? { event } : {}) });
  }

  /** The issue's context for the assistant: scrubbed, grounded in today's workspace files, within `maxBytes`. */
  async context(reference: string, options: { breadcrumbs?: number; maxBytes?: number } = {}): Promise<Result<string, ApiError>> {
    const found = await this.find(reference);
    if (!found.ok) return found;
    const { issue, event } = found.value;
    const located = event ? await this.locate(event) : new Map();
    return ok(issueContextText({ issue, ...(event ? { event } : {}), release: this.last?.release?.version, located, ...options }));
  }

  /** Resolves, archives… the issue named by id or short id; answers the issue as it was found. */
  async triage(reference: string, change: IssueChange): Promise<Result<Issue, ApiError>> {
    const found = await this.find(reference);
    if (!found.ok) return found;
    const changed = await this.setup.client.updateIssue(this.setup.org, found.value.issue.id, change);
    return changed.ok ? ok(found.value.issue) : changed;
  }

  private async loadOnce(): Promise<WorkspaceIssues | undefined> {
    const loaded = await this.issues();
    if (!loaded.ok) this.setup.log.warn(`Could not load the workspace's issues: ${loaded.error.message}`);
    return loaded.ok ? loaded.value : undefined;
  }

  private async latestEvent(issueId: string): Promise<IssueEvent | undefined> {
    const event = await this.setup.client.latestEvent(this.setup.org, issueId, { environments: this.setup.environments });
    if (!event.ok) this.setup.log.warn(`No event for issue ${issueId}: ${event.error.message}`);
    return event.ok ? event.value : undefined;
  }

  /** A fresh reader and file index per ask: the source windows show the files as they are now, not as first read. */
  private async locate(event: IssueEvent): Promise<Awaited<ReturnType<typeof locateFrames>>> {
    const { client, org, folder, log } = this.setup;
    const reader = new WorkspaceFileReader([folder], { log });
    const projectId = this.last?.project.id ?? this.memo.project?.id;
    const resolver = await buildResolver(client, { org, projectId: projectId ?? Promise.resolve(undefined), folders: [folder], pathMappings: [], log, warnings: [], memo: this.memo, reader });
    return locateFrames(event, resolver, async (location) => (await reader.read(reader.absolutePath({ folder: location.folder, path: location.file })))?.lines);
  }
}
