// One open issue panel: owns its webview, answers the page's messages, loads the issue and sends the view model once the
// page is ready, and sends it again when the store changes (triage anywhere in the editor) or the user data setting does.
import * as vscode from 'vscode';
import type { IssueViewModel } from '../../core/format/issueViewModel';
import { oneLine } from '../../core/format/untrustedText';
import { parsePageMessage, type HostMessage, type PageMessage, type PageMessageType } from '../../webview/protocol';
import type { IssueCause } from '../../core/format/causeView';
import { commandIds } from '../commandIds';
import type { EditorContext } from '../ctx';
import { causeOfIssue } from '../issueCause';
import { Lifetime } from './lifetime';
import { createNonce } from './nonce';
import { panelHtml } from './panelHtml';
import {
  followStore,
  linkTargetKey,
  linkTargetsOf,
  loadPanelIssue,
  panelModelOf,
  type LoadedIssue,
} from './panelModel';
import { issueChangeOf } from './panelTriage';

export const issuePanelViewType = 'sentryInsight.issue';

type Handlers = { readonly [K in PageMessageType]: (message: Extract<PageMessage, { type: K }>) => unknown };

/** Where the panel's page may load files from: the bundled script and the style sheet. */
export function issuePanelOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** Names what arrived without repeating its content, which may be anything. */
function describeMessage(data: unknown): string {
  const type = (data as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? `type "${oneLine(type, 40)}"` : typeof data;
}

export class IssuePanel extends Lifetime {
  private loaded?: LoadedIssue;
  private model?: IssueViewModel;
  private linkTargets = new Set<string>();
  private state: 'loading' | 'ready' | { readonly error: string } = 'loading';
  private loadController?: AbortController;
  private cause?: IssueCause;

  private readonly handlers: Handlers = {
    ready: () => this.sendAll(),
    triage: (message) => this.triage(message),
    openFrame: (message) => this.openFrame(message),
    openInSentry: () => this.runCommand(commandIds.openInSentry, this.issueId),
    copyLink: () => this.runCommand(commandIds.copyLink, this.issueId),
    replay: () => this.runCommand(commandIds.replayInDebugger, this.issueId),
    openCommit: (message) => this.openCommit(message.sha),
    assignToOwner: () =>
      this.model?.cause?.assignToOwner ? this.runCommand(commandIds.assignToOwner, this.issueId) : undefined,
    askAssistant: (message) =>
      this.runCommand(message.request === 'explain' ? commandIds.explainWithAi : commandIds.fixWithAi, this.issueId),
    refresh: () => this.load(),
    openUserDataSetting: () => this.runCommand('workbench.action.openSettings', 'sentryInsight.showUserData'),
  };

  constructor(
    private readonly ctx: EditorContext,
    readonly panel: vscode.WebviewPanel,
    readonly issueId: string,
    onDidClose: () => void,
  ) {
    super();
    this._register({ dispose: onDidClose });
    this._register({ dispose: () => panel.dispose() });
    this._register({ dispose: () => this.loadController?.abort() });
    panel.webview.options = issuePanelOptions(ctx.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(ctx.extensionUri, 'media', 'sentry.svg');
    panel.title = ctx.store.findIssue(issueId)?.issue.shortId ?? 'Sentry Issue';
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)));
    this._register(ctx.store.onDidChange(() => this.sendModel()));
    this._register(ctx.settings.onDidChange(() => this.sendModel()));
    panel.webview.html = this.html();
    void this.load();
  }

  reveal(): void {
    this.panel.reveal();
  }

  private html(): string {
    const webview = this.panel.webview;
    const asset = (...path: string[]): string =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.ctx.extensionUri, ...path)).toString();
    return panelHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset('dist', 'webview.js'),
      styleUri: asset('media', 'panel.css'),
      issueId: this.issueId,
    });
  }

  private post(message: HostMessage): void {
    if (!this.isDisposed) void this.panel.webview.postMessage(message);
  }

  private receive(data: unknown): void {
    const message = parsePageMessage(data);
    if (!message) {
      this.ctx.log.warn(
        `Issue panel ${this.issueId}: ignored a page message that is not part of the protocol (${describeMessage(data)}).`,
      );
      return;
    }
    const handler = this.handlers[message.type] as (message: PageMessage) => unknown;
    Promise.resolve(handler(message)).catch((error: unknown) =>
      this.ctx.log.error(`Issue panel ${this.issueId}: ${message.type} failed: ${String(error)}`),
    );
  }

  /** A (re)loaded page has nothing: it gets the model and whatever is under way. */
  private sendAll(): void {
    if (this.model) this.post({ type: 'issue', model: this.model });
    if (this.state === 'loading') this.post({ type: 'loading' });
    else if (this.state !== 'ready') this.post({ type: 'error', message: this.state.error });
  }

  private async load(quietly = false): Promise<void> {
    this.loadController?.abort();
    const controller = new AbortController();
    this.loadController = controller;
    if (!quietly) {
      this.state = 'loading';
      this.post({ type: 'loading' });
    }
    const result = await loadPanelIssue(this.ctx, this.issueId, controller.signal);
    if (controller.signal.aborted || this.isDisposed) return;
    if (!result.ok) {
      this.state = { error: result.error.message };
      this.post({ type: 'error', message: result.error.message });
      return;
    }
    this.state = 'ready';
    this.loaded = result.value;
    this.sendModel();
    void this.loadCause();
  }

  /** The suspect commit and code owners, after the issue shows: git may be slow and never holds the panel up. */
  private async loadCause(): Promise<void> {
    const cause = await causeOfIssue(this.ctx, this.issueId).catch(() => undefined);
    if (this.isDisposed || !cause) return;
    this.cause = cause;
    this.sendModel();
  }

  private openCommit(sha: string): Thenable<unknown> | undefined {
    const cause = this.cause;
    if (!cause?.suspect || cause.suspect.sha !== sha) {
      this.ctx.log.warn(`Issue panel ${this.issueId}: refused to open a commit the panel did not offer.`);
      return undefined;
    }
    return vscode.commands.executeCommand(commandIds.openCommit, { folder: cause.folder, sha });
  }

  private sendModel(): void {
    if (!this.loaded || this.isDisposed) return;
    this.loaded = followStore(this.ctx, this.issueId, this.loaded);
    const model = panelModelOf(this.ctx, this.issueId, this.loaded, Date.now(), this.cause);
    if (this.model && JSON.stringify(model) === JSON.stringify(this.model)) return;
    this.model = model;
    this.linkTargets = linkTargetsOf(model);
    this.panel.title = oneLine(`${model.header.shortId}: ${model.header.title}`, 60);
    this.post({ type: 'issue', model });
  }

  /** Always answers the page, so that its optimistic status never stays up unconfirmed. */
  private async triage(message: Extract<PageMessage, { type: 'triage' }>): Promise<void> {
    let outcome: { ok: boolean; message?: string };
    try {
      outcome = await this.applyTriage(message);
    } catch (error) {
      this.ctx.log.error(`Issue panel ${this.issueId}: ${message.change.action} failed: ${String(error)}`);
      outcome = { ok: false, message: 'The change could not be sent.' };
    }
    this.post({ type: 'triageResult', requestId: message.requestId, ok: outcome.ok, message: outcome.message });
  }

  private async applyTriage(
    message: Extract<PageMessage, { type: 'triage' }>,
  ): Promise<{ ok: boolean; message?: string }> {
    if (message.issueId !== this.issueId || !this.model?.actions.includes(message.change.action)) {
      this.ctx.log.warn(
        `Issue panel ${this.issueId}: refused a ${message.change.action} request the panel did not offer.`,
      );
      return { ok: false, message: 'This action is not available for this issue.' };
    }
    const change = await issueChangeOf(message.change.action, () => this.ctx.currentUserId(this.issueId));
    if (!change) return { ok: false, message: 'Your user on this Sentry server is not known; sign in again.' };
    const accepted = await this.ctx.triage([this.issueId], change);
    if (this.isDisposed) return { ok: accepted };
    // An issue the store does not list got no optimistic update there: read its new state from the server.
    if (accepted && !this.ctx.store.findIssue(this.issueId)) await this.load(true);
    else this.sendModel();
    return accepted ? { ok: true } : { ok: false, message: 'The server did not accept the change.' };
  }

  private openFrame(message: Extract<PageMessage, { type: 'openFrame' }>): Thenable<unknown> | undefined {
    if (!this.linkTargets.has(linkTargetKey(message))) {
      this.ctx.log.warn(`Issue panel ${this.issueId}: refused to open a location the panel did not offer.`);
      return undefined;
    }
    return vscode.commands.executeCommand(commandIds.openFrame, { uri: message.uri, line: message.line });
  }

  private runCommand(command: string, argument: string): Thenable<unknown> {
    return vscode.commands.executeCommand(command, argument);
  }
}
