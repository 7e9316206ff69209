// The assistant's questions answered over the editor's connected folders, for the language-model tools and the chat
// participant: one core AssistantWorkspace per folder connection (the MCP server's code), the issue's folder found from
// what the editor has loaded, and the folders' lists together when there are several.
import * as vscode from 'vscode';
import { apiError, type ApiError } from '../../core/api/errors';
import type { IssueChange } from '../../core/api/issueChange';
import type { Issue } from '../../core/api/issueSchema';
import type { ChosenAssignee } from '../../core/assistant/assigneeChoice';
import { AssistantWorkspace, type GroundedIssue, type IssueAssistant } from '../../core/assistant/assistantWorkspace';
import type { IssueFilter } from '../../core/assistant/issueList';
import { err, ok, type Result } from '../../core/result';
import type { SentryClient } from '../../core/api/client';
import type { EditorContext } from '../ctx';
import { sessionKeyOf, sessionTargetOf } from '../sessionTarget';

type ConnectedFolder = ReturnType<EditorContext['connectedFolders']>[number];

const notConnected = (): ApiError =>
  apiError(
    'notFound',
    'No workspace folder is connected to Sentry yet: sign in (Sentry: Sign In) and select a project (Sentry: Select Project).',
  );

export class EditorAssistant implements IssueAssistant {
  /**
   * By folder: each load of a folder finds a new connection object, so the workspace (its remembered project, code
   * mappings, release decision and last load) is kept while the connection's session key, client and trust stay.
   */
  private readonly workspaces = new Map<
    string,
    { readonly key: string; readonly client: SentryClient; readonly workspace: AssistantWorkspace }
  >();

  constructor(private readonly ctx: EditorContext) {}

  async issueList(filter: IssueFilter): Promise<Result<string, ApiError>> {
    const folders = this.ctx.connectedFolders();
    if (folders.length === 0) return err(notConnected());
    const lists = await Promise.all(
      folders.map(async (folder) => ({ folder, list: await this.workspaceOf(folder).issueList(filter) })),
    );
    if (lists.length === 1 && lists[0]) return lists[0].list;
    const failed = lists.find((entry) => !entry.list.ok);
    if (failed && lists.every((entry) => !entry.list.ok)) return failed.list;
    return ok(
      lists
        .map(
          ({ folder, list }) =>
            `# Folder ${folder.name}\n${list.ok ? list.value : `Sentry could not answer: ${list.error.message}\n`}`,
        )
        .join('\n'),
    );
  }

  async context(
    reference: string,
    options?: { breadcrumbs?: number; maxBytes?: number },
  ): Promise<Result<string, ApiError>> {
    const grounded = await this.grounded(reference, options);
    return grounded.ok ? ok(grounded.value.text) : grounded;
  }

  async grounded(
    reference: string,
    options?: { breadcrumbs?: number; maxBytes?: number },
  ): Promise<Result<GroundedIssue, ApiError>> {
    const folder = this.folderOf(reference);
    return folder ? this.workspaceOf(folder).grounded(reference, options) : err(notConnected());
  }

  async comparison(base?: string): Promise<Result<string, ApiError>> {
    const folder = this.activeFolder();
    return folder ? this.workspaceOf(folder).comparison(base) : err(notConnected());
  }

  async triage(reference: string, change: IssueChange): Promise<Result<Issue, ApiError>> {
    const folder = this.folderOf(reference);
    if (!folder) return err(notConnected());
    const changed = await this.workspaceOf(folder).triage(reference, change);
    // The marks, hover and tree show the change at the next load.
    if (changed.ok) void this.ctx.refresh(folder.folderPath);
    return changed;
  }

  async assign(
    reference: string,
    assignee: string,
  ): Promise<Result<{ issue: Issue; assignee: ChosenAssignee }, ApiError>> {
    const folder = this.folderOf(reference);
    if (!folder) return err(notConnected());
    const assigned = await this.workspaceOf(folder).assign(reference, assignee);
    if (assigned.ok) void this.ctx.refresh(folder.folderPath);
    return assigned;
  }

  /** The folder whose load lists the issue (by id or short id), else the active editor's folder, else the first. */
  private folderOf(reference: string): ConnectedFolder | undefined {
    const wanted = reference.trim().toLowerCase();
    const folders = this.ctx.connectedFolders();
    const listing = folders.find((folder) =>
      this.ctx.store
        .folder(folder.folderPath)
        .snapshot?.issues.some((issue) => issue.id === wanted || issue.shortId.toLowerCase() === wanted),
    );
    return listing ?? this.activeFolder();
  }

  private activeFolder(): ConnectedFolder | undefined {
    const folders = this.ctx.connectedFolders();
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
    return folders.find((entry) => entry.folderPath === folder?.uri.fsPath) ?? folders[0];
  }

  private workspaceOf(folder: ConnectedFolder): AssistantWorkspace {
    const { client } = folder.connection;
    const trusted = vscode.workspace.isTrusted;
    const key = JSON.stringify([sessionKeyOf(folder.connection, this.ctx.settings.statsPeriod), trusted]);
    const kept = this.workspaces.get(folder.folderPath);
    if (kept && kept.key === key && kept.client === client) return kept.workspace;
    const target = sessionTargetOf(
      folder.connection,
      { name: folder.name, path: folder.folderPath },
      this.ctx.settings.statsPeriod,
      this.ctx.log,
    );
    const causes = this.ctx.causesOf(folder.folderPath);
    // git blame only in a trusted workspace: a repository's own settings can name programs for git to run.
    const workspace = new AssistantWorkspace({
      client,
      ...target,
      codeOwners: causes.codeOwners,
      ...(trusted ? { suspects: causes.suspects } : {}),
    });
    this.workspaces.set(folder.folderPath, { key, client, workspace });
    return workspace;
  }
}
