// The hover of a marked line: one card per issue, most important first (open before closed, raised before caller,
// most events first), with command links that only the commands they name may run.
import * as vscode from 'vscode';
import {
  hoverCards,
  type HoverCardInput,
  type HoverCardsOptions,
  type HoverCommandIds,
} from '../core/format/hoverCard';
import { suspectCommitText } from '../core/format/suspectCommitText';
import type { LineHit } from '../core/index/issueIndex';
import { ownersText } from '../core/format/ownersText';
import type { SuspectCommit } from '../core/suspect/suspectCommit';
import { commandIds } from './commandIds';
import type { EditorContext } from './ctx';
import { ownersOfIssue } from './issueCause';
import type { FolderFacts, MarkedLines } from './markedLines';

const hoverCommands: HoverCommandIds = {
  showIssueDetails: commandIds.showIssueDetails,
  replayInDebugger: commandIds.replayInDebugger,
  explainWithAi: commandIds.explainWithAi,
  fixWithAi: commandIds.fixWithAi,
  openInSentry: commandIds.openInSentry,
  copyLink: commandIds.copyLink,
  resolve: commandIds.resolve,
  resolveInNextRelease: commandIds.resolveInNextRelease,
  unresolve: commandIds.unresolve,
  archive: commandIds.archive,
  assignToMe: commandIds.assignToMe,
};

/** Hits in hover order: closed issues last, otherwise as the index ranks them (hits arrive strongest first). */
function hoverOrder(hits: readonly LineHit[], facts: FolderFacts): LineHit[] {
  return [...hits.filter((hit) => !facts.isClosed(hit.issueId)), ...hits.filter((hit) => facts.isClosed(hit.issueId))];
}

export class IssueHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly ctx: EditorContext,
    private readonly marks: MarkedLines,
    private readonly clock: () => number = Date.now,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token?: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const hits = this.marks.hitsAt(document, position.line);
    const place = hits.length > 0 ? this.marks.placeOf(document) : undefined;
    if (!place) return undefined;
    const suspect = this.suspectOf(document, hits[0], this.marks.factsOf(place.folderPath).release);
    const owners = this.ownersOf(hits[0]);
    await this.releaseFactsOf(hits, this.marks.factsOf(place.folderPath), token);
    if (token?.isCancellationRequested) return undefined;
    const facts = this.marks.factsOf(place.folderPath);
    const now = this.clock();
    const inputs: HoverCardInput[] = hoverOrder(hits, facts).map((hit) => ({
      hit,
      issue: facts.issue(hit.issueId),
      capabilities: this.ctx.capabilitiesOf(hit.issueId),
      hasLink: this.ctx.issueUrl(hit.issueId) !== undefined,
      commands: hoverCommands,
      now,
      story: facts.story(hit.issueId),
      release: facts.release,
      environments: facts.environments,
    }));
    const [suspectCommit, ownersLine] = await Promise.all([suspect, owners]);
    const cards = hoverCards(inputs, {
      staleSince: facts.staleSince,
      ...(suspectCommit && hits[0]
        ? {
            suspectCommit: suspectCommitText(suspectCommit, now),
            openCommit: {
              command: commandIds.openCommit,
              argument: { folder: hits[0].folder, sha: suspectCommit.sha },
            },
          }
        : {}),
      ...(ownersLine ? { owners: ownersLine } : {}),
    });
    const markdown = new vscode.MarkdownString(cards.markdown, true);
    // Event text ends up in this Markdown: only the commands the cards link to may run, never `isTrusted = true`.
    markdown.isTrusted = { enabledCommands: [...cards.commands] };
    return new vscode.Hover(markdown, document.lineAt(position.line).range);
  }

  /**
   * The commit that last changed the line, waited for briefly. git runs only in a trusted workspace (a repository's own
   * settings can name programs for git to start) and only on a saved file, whose lines are the ones git blames.
   */
  private async suspectOf(
    document: vscode.TextDocument,
    hit: LineHit | undefined,
    release: string | undefined,
  ): Promise<SuspectCommit | undefined> {
    if (!hit || !vscode.workspace.isTrusted || document.isDirty) return undefined;
    const found = this.ctx
      .causesOf(hit.folder)
      .suspectOf(hit.file, hit.line, release)
      .catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        found,
        new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), suspectWaitMs))),
      ]);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /** The code owners of the file where the line's strongest issue raised, with Assign to Owner where it can assign. */
  private async ownersOf(hit: LineHit | undefined): Promise<HoverCardsOptions['owners']> {
    if (!hit) return undefined;
    const owners = await ownersOfIssue(this.ctx, hit.issueId);
    if (!owners) return undefined;
    const canAssign = owners.owners.length > 0 && this.ctx.capabilitiesOf(hit.issueId)?.assign === true;
    return {
      text: ownersText(owners.file, owners),
      ...(canAssign ? { assign: { command: commandIds.assignToOwner, issueId: hit.issueId } } : {}),
    };
  }

  /** Where the cards' issues started and were last seen, asked on demand (the load does not ask it); a slow server is not waited for long. */
  private async releaseFactsOf(
    hits: readonly LineHit[],
    facts: FolderFacts,
    token: vscode.CancellationToken | undefined,
  ): Promise<void> {
    const unknown = hits
      .map((hit) => facts.issue(hit.issueId))
      .filter(
        (issue) =>
          issue !== undefined &&
          (issue.firstRelease === undefined || issue.lastRelease === undefined) &&
          this.ctx.capabilitiesOf(issue.id)?.firstReleaseQuery,
      );
    if (unknown.length === 0) return;
    const abort = new AbortController();
    const cancelled = token?.onCancellationRequested(() => abort.abort());
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.ctx.loadReleaseFacts(
          unknown.map((issue) => (issue as { id: string }).id),
          abort.signal,
        ),
        new Promise((resolve) => (timer = setTimeout(resolve, releaseFactsWaitMs))),
      ]);
    } finally {
      if (timer) clearTimeout(timer);
      cancelled?.dispose();
    }
  }
}

/** How long a hover waits for an issue's release facts before it shows the card without them. */
const releaseFactsWaitMs = 1500;
/** How long a hover waits for git blame; a later hover finds the answer cached. */
const suspectWaitMs = 1500;

/** Issue cards on marked lines of files on disk. */
export function registerIssueHover(ctx: EditorContext, marks: MarkedLines): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ scheme: 'file' }, new IssueHoverProvider(ctx, marks));
}
