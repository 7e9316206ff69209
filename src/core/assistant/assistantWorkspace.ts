// What an AI assistant can ask of one workspace over a connected client: the release's issues that touch the workspace
// (loaded afresh on each ask, reusing what did not change), one issue's grounded context, the release compared with
// its base, and triage (assignment included).
import type { SentryClient } from '../api/client';
import type { ApiError } from '../api/errors';
import type { IssueEvent } from '../api/eventSchema';
import type { IssueChange } from '../api/issueChange';
import type { Issue } from '../api/issueSchema';
import { WorkspaceFileReader } from '../resolve/workspaceFileReader';
import { err, ok, type Result } from '../result';
import { apiError } from '../api/errors';
import { suspectCommitText } from '../format/suspectCommitText';
import type { SuspectCommits } from '../suspect/suspectCommit';
import { ownersText } from '../format/ownersText';
import type { CodeOwners } from '../owners/codeOwners';
import { compareReleases } from '../tracking/releaseComparison';
import { chooseAssignee, type ChosenAssignee } from './assigneeChoice';
import { comparisonText } from './comparisonText';
import { buildResolver } from '../scan/resolverSetup';
import { loadWorkspaceIssues, previousOf, type LoadTarget, type WorkspaceIssues } from '../session/loadWorkspaceIssues';
import type { LoadMemo } from '../session/loadMemo';
import { issueContextText, type LocatedFrame } from './issueContext';
import type { IssueFilter } from './issueList';
import { issueListText } from './issueList';
import { locateFrames } from './locatedFrames';

/** What a load needs of the workspace and its connection (see LoadTarget), and the connected client. */
export interface AssistantWorkspaceSetup extends Pick<
  LoadTarget,
  | 'org'
  | 'project'
  | 'folder'
  | 'release'
  | 'releaseMustExist'
  | 'environments'
  | 'statsPeriod'
  | 'pathMappings'
  | 'projectMayNotExistYet'
  | 'env'
  | 'log'
> {
  readonly client: SentryClient;
  /** Where git blame may run (the editor passes none in an untrusted workspace: a repository's config can run programs). */
  readonly suspects?: SuspectCommits;
  /** Where the raising file's CODEOWNERS owners are read (no program runs for it). */
  readonly codeOwners?: CodeOwners;
  /** The clock suspect commits are dated against. */
  readonly now?: () => number;
}

/** An issue's context and the workspace lines its frames resolve to, innermost first. */
export interface GroundedIssue {
  readonly issue: Issue;
  readonly text: string;
  readonly lines: ReadonlyArray<{ readonly folder: string; readonly file: string; readonly line: number }>;
}

/** What the assistant's tools ask, as text for the model; the CLI's server and the editor's tools both answer it. */
export interface IssueAssistant {
  issueList(filter: IssueFilter): Promise<Result<string, ApiError>>;
  context(reference: string, options?: { breadcrumbs?: number; maxBytes?: number }): Promise<Result<string, ApiError>>;
  comparison(base?: string): Promise<Result<string, ApiError>>;
  triage(reference: string, change: IssueChange): Promise<Result<Issue, ApiError>>;
  assign(
    reference: string,
    assignee: string,
  ): Promise<Result<{ readonly issue: Issue; readonly assignee: ChosenAssignee }, ApiError>>;
}

/** An issue found by id or short id, with its latest event where one could be read. */
export interface FoundIssue {
  readonly issue: Issue;
  readonly event?: IssueEvent;
}

/** The commits of the first few located frames only: each is a git process, and the innermost frames matter. */
const maxSuspectFrames = 3;

export class AssistantWorkspace implements IssueAssistant {
  private readonly memo: LoadMemo = {};
  private last: WorkspaceIssues | undefined;

  constructor(private readonly setup: AssistantWorkspaceSetup) {}

  /** The release's unresolved issues as they are now; a second ask reuses the events of issues that did not move. */
  async issues(): Promise<Result<WorkspaceIssues, ApiError>> {
    const { client, log, ...target } = this.setup;
    const loaded = await loadWorkspaceIssues(client, {
      ...target,
      log,
      memo: this.memo,
      ...(this.last ? { previous: previousOf(this.last) } : {}),
    });
    if (loaded.ok) this.last = loaded.value;
    return loaded;
  }

  async issueList(filter: IssueFilter): Promise<Result<string, ApiError>> {
    const loaded = await this.issues();
    return loaded.ok ? ok(issueListText(loaded.value, filter)) : loaded;
  }

  /** The workspace's release (as last loaded) against `base`, or against the release before it. */
  async comparison(base?: string): Promise<Result<string, ApiError>> {
    const loaded = this.last ?? (await this.loadOnce());
    if (!loaded)
      return err(
        apiError('notFound', "The workspace's issues could not be loaded, so its release is unknown; try again."),
      );
    if (!loaded.release)
      return err(apiError('notFound', 'The project has no releases to compare: send events with a release first.'));
    const { client, org, environments, statsPeriod } = this.setup;
    const compared = await compareReleases(client, {
      org,
      projectId: loaded.project.id,
      release: loaded.release.version,
      ...(base ? { base } : {}),
      environments,
      statsPeriod,
    });
    return compared.ok ? ok(comparisonText(compared.value)) : compared;
  }

  /** Assigns the issue to the member or team `assignee` names ("me", an e-mail, a name, "#team"). */
  async assign(
    reference: string,
    assignee: string,
  ): Promise<Result<{ issue: Issue; assignee: ChosenAssignee }, ApiError>> {
    const { client, org } = this.setup;
    if (!client.backend.capabilities.assign)
      return err(apiError('notFound', 'This server cannot assign issues (GlitchTip has no assignees).'));
    const found = await this.find(reference);
    if (!found.ok) return found;
    const [members, teams, me] = await Promise.all([client.members(org), client.teams(org), client.tokenInfo()]);
    if (!members.ok) return members;
    const chosen = chooseAssignee(assignee, {
      members: members.value,
      teams: teams.ok ? teams.value : [],
      ...(me?.ok && me.value.user?.id ? { me: me.value.user.id } : {}),
    });
    if (!chosen.ok) return err(apiError('notFound', chosen.error));
    const changed = await client.updateIssue(org, found.value.issue.id, {
      action: 'assign',
      assignee: chosen.value.value,
    });
    return changed.ok ? ok({ issue: found.value.issue, assignee: chosen.value }) : changed;
  }

  /** The issue named by its numeric id or its short id (e.g. SHOP-WEB-1A), from the last load or else the server. */
  async find(reference: string): Promise<Result<FoundIssue, ApiError>> {
    const loaded = this.last ?? (await this.loadOnce());
    const wanted = reference.trim();
    if (loaded) {
      const issue = loaded.issues.find(
        (candidate) => candidate.id === wanted || candidate.shortId.toLowerCase() === wanted.toLowerCase(),
      );
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
  async context(
    reference: string,
    options: { breadcrumbs?: number; maxBytes?: number } = {},
  ): Promise<Result<string, ApiError>> {
    const grounded = await this.grounded(reference, options);
    return grounded.ok ? ok(grounded.value.text) : grounded;
  }

  /** The context with the issue and the workspace lines it names, for answers that link to those lines. */
  async grounded(
    reference: string,
    options: { breadcrumbs?: number; maxBytes?: number } = {},
  ): Promise<Result<GroundedIssue, ApiError>> {
    const found = await this.find(reference);
    if (!found.ok) return found;
    const { issue, event } = found.value;
    const located = event ? await this.locate(event) : new Map<string, LocatedFrame>();
    const owners = await this.ownersOf(located);
    const text = issueContextText({
      issue,
      ...(event ? { event } : {}),
      release: this.last?.release?.version,
      located,
      ...(owners ? { owners } : {}),
      ...options,
    });
    const lines = [...located.values()].map((frame) => ({
      folder: this.setup.folder.path,
      file: frame.file,
      line: frame.line,
    }));
    return ok({ issue, text, lines });
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
    const event = await this.setup.client.latestEvent(this.setup.org, issueId, {
      environments: this.setup.environments,
    });
    if (!event.ok) this.setup.log.warn(`No event for issue ${issueId}: ${event.error.message}`);
    return event.ok ? event.value : undefined;
  }

  /** A fresh reader and file index per ask: the source windows show the files as they are now, not as first read. */
  async locate(event: IssueEvent): Promise<Awaited<ReturnType<typeof locateFrames>>> {
    const { client, org, folder, log, pathMappings } = this.setup;
    const reader = new WorkspaceFileReader([folder], { log });
    const projectId = this.last?.project.id ?? this.memo.project?.id;
    const resolver = await buildResolver(client, {
      org,
      projectId: projectId ?? Promise.resolve(undefined),
      folders: [folder],
      pathMappings: pathMappings ?? [],
      log,
      warnings: [],
      memo: this.memo,
      reader,
    });
    const located = await locateFrames(
      event,
      resolver,
      async (location) =>
        (await reader.read(reader.absolutePath({ folder: location.folder, path: location.file })))?.lines,
    );
    return this.withSuspects(located);
  }

  /** The owners of the innermost located frame's file: the code that raised. */
  private async ownersOf(located: ReadonlyMap<string, LocatedFrame>): Promise<string | undefined> {
    const raising = located.values().next().value;
    if (!raising || !this.setup.codeOwners) return undefined;
    const owners = await this.setup.codeOwners.of(this.setup.folder.path, raising.file).catch(() => undefined);
    return owners ? ownersText(raising.file, owners) : undefined;
  }

  private async withSuspects(located: Map<string, LocatedFrame>): Promise<Map<string, LocatedFrame>> {
    const suspects = this.setup.suspects;
    if (!suspects) return located;
    const release = this.last?.release?.version;
    const now = (this.setup.now ?? Date.now)();
    const entries = [...located.entries()];
    await Promise.all(
      entries.slice(0, maxSuspectFrames).map(async ([key, frame]) => {
        const commit = await suspects.of(this.setup.folder.path, frame.file, frame.line, release);
        if (commit) located.set(key, { ...frame, suspect: suspectCommitText(commit, now) });
      }),
    );
    return located;
  }
}
