// The marked lines of workspace documents: the store's hits per line, kept on their lines while the user edits (a
// LineTracker per document), put back when a refresh brings new lines. Decorations, hover, CodeLens and diagnostics
// all read lines here, so they agree with each other while the text moves.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Issue } from '../core/api/issueSchema';
import { backendOf } from '../core/api/backend';
import { strongestPerIssue, type LineHit } from '../core/index/issueIndex';
import type { IssueIndex } from '../core/index/issueIndex';
import { isClosedStatus } from '../core/format/issueStatus';
import type { IssueStore } from '../core/state/issueStore';
import { showsIssue, type MarkFilter } from '../core/state/markFilter';
import type { IssueSnapshot } from '../core/state/snapshot';
import { storyOf, type IssueStory } from '../core/tracking/issueStory';
import { LineTracker } from './lineTracking';

/** Where a document sits: its workspace folder (the store's key) and its `/`-separated path inside it. */
export interface DocumentPlace {
  readonly folderPath: string;
  readonly file: string;
}

export function placeOf(uri: vscode.Uri): DocumentPlace | undefined {
  if (uri.scheme !== 'file') return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const relative = path.relative(folder.uri.fsPath, uri.fsPath);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return { folderPath: folder.uri.fsPath, file: relative.split(path.sep).join('/') };
}

/** One marked line; `line` is 0-based, as VS Code counts. */
export interface MarkedLine {
  readonly line: number;
  readonly hits: readonly LineHit[];
}

/** What the surfaces need to know about a folder's issues beyond the hits: status, backend, freshness. */
export interface FolderFacts {
  issue(issueId: string): Issue | undefined;
  isClosed(issueId: string): boolean;
  /** False where the backend does not count users (GlitchTip). */
  readonly withUsers: boolean;
  /** The load time, when the data came from the cache or the last refresh failed. */
  readonly staleSince?: string;
  /** The release the issues were loaded for (what "new in this release" means). */
  readonly release?: string;
  /** The environments the counts are limited to; empty: all. */
  readonly environments: readonly string[];
  /** The issue's story relative to `release`; undefined when the store does not have the issue. */
  story(issueId: string): IssueStory | undefined;
  /** Whether the marks filter lets the issue's hits show. */
  shows(issueId: string, filter: MarkFilter): boolean;
}

export type MarksChange =
  /** A folder's data changed; `linesChanged` is false when only issues changed (triage), not where they are. */
  | { readonly kind: 'folder'; readonly folderPath: string; readonly linesChanged: boolean }
  /** Edits moved or removed marks of one document, or added or removed lines in a document with marks. */
  | {
      readonly kind: 'document';
      readonly uri: vscode.Uri;
      /** Some mark's line changed (not only the text around). */ readonly moved: boolean;
    }
  /** Workspace folders changed: any document may now belong elsewhere. */
  | { readonly kind: 'all' };

type Tracker = LineTracker<readonly LineHit[]>;

interface TrackedDocument {
  readonly folderPath: string;
  tracker: Tracker;
  /** The marks as they fit the file on disk, once the disk no longer holds the text the hits were loaded against. */
  onDisk?: Tracker;
}

const noFacts: FolderFacts = {
  issue: () => undefined,
  isClosed: () => false,
  withUsers: true,
  environments: [],
  story: () => undefined,
  shows: (_, filter) => filter === 'all',
};

function factsOf(snapshot: IssueSnapshot, stale: boolean): FolderFacts {
  const issues = new Map(snapshot.issues.map((issue) => [issue.id, issue] as const));
  const release = snapshot.release?.version;
  return {
    issue: (issueId) => issues.get(issueId),
    isClosed: (issueId) => isClosedStatus(issues.get(issueId)?.status),
    withUsers: backendOf(snapshot.backend).capabilities.userCounts,
    staleSince: stale ? snapshot.loadedAt : undefined,
    release,
    environments: snapshot.environments,
    story: (issueId) => {
      const issue = issues.get(issueId);
      return issue ? storyOf(issue, release) : undefined;
    },
    shows: (issueId, filter) => showsIssue(filter, issues.get(issueId), release),
  };
}

/** An edit that adds or removes lines, after which VS Code's own move of drawn marks may differ from the tracker's. */
function changesLines(change: vscode.TextDocumentContentChangeEvent): boolean {
  return change.range.start.line !== change.range.end.line || /[\r\n]/.test(change.text);
}

function mergedHits(groups: readonly (readonly LineHit[])[]): readonly LineHit[] {
  if (groups.length === 1) return groups[0] as readonly LineHit[];
  // Edits joined marked lines: one issue keeps its strongest hit, as the index does.
  return strongestPerIssue(groups.flat());
}

export class MarkedLines implements vscode.Disposable {
  private readonly documents = new Map<string, TrackedDocument>();
  private readonly indexes = new Map<string, IssueIndex | undefined>();
  private readonly facts = new WeakMap<IssueSnapshot, { stale: boolean; facts: FolderFacts }>();
  private places = new WeakMap<vscode.TextDocument, DocumentPlace | null>();
  private filter: MarkFilter = 'all';
  private readonly changed = new vscode.EventEmitter<MarksChange>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChange = this.changed.event;

  constructor(private readonly store: IssueStore) {
    for (const folder of store.allFolders()) this.indexes.set(folder.folderPath, folder.index);
    this.subscriptions = [
      this.changed,
      store.onDidChange(({ folderPath, dataChanged }) => dataChanged && this.folderChanged(folderPath)),
      vscode.workspace.onDidChangeTextDocument((event) => this.documentChanged(event)),
      vscode.workspace.onDidSaveTextDocument((document) => this.documentSaved(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.documentClosed(document)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.places = new WeakMap();
        this.documents.clear();
        this.changed.fire({ kind: 'all' });
      }),
    ];
  }

  placeOf(document: vscode.TextDocument): DocumentPlace | undefined {
    let place = this.places.get(document);
    if (place === undefined) this.places.set(document, (place = placeOf(document.uri) ?? null));
    return place ?? undefined;
  }

  /** Shows every issue's marks, or only those of issues new in the folder's release; every surface redraws. */
  setFilter(filter: MarkFilter): void {
    if (filter === this.filter) return;
    this.filter = filter;
    this.changed.fire({ kind: 'all' });
  }

  /** The document's marked lines, ascending, each with its hits strongest first (closed issues included). */
  linesOf(document: vscode.TextDocument): MarkedLine[] {
    const tracker = this.trackerOf(document);
    const place = tracker ? this.placeOf(document) : undefined;
    if (!tracker || !place) return [];
    return this.shown(
      place.folderPath,
      [...tracker.lines()].map(([line, groups]) => ({ line, hits: mergedHits(groups) })),
    );
  }

  hitsAt(document: vscode.TextDocument, line: number): readonly LineHit[] {
    const groups = this.trackerOf(document)?.at(line) ?? [];
    const place = groups.length > 0 ? this.placeOf(document) : undefined;
    return place ? (this.shown(place.folderPath, [{ line, hits: mergedHits(groups) }])[0]?.hits ?? []) : [];
  }

  /**
   * The marked lines of a folder's file, whether open or not: tracked lines for a document being edited, the store's
   * otherwise. For the Problems panel, which covers files nobody opened.
   */
  linesOfFile(folderPath: string, file: string, uri: vscode.Uri): MarkedLine[] {
    const tracked = this.documents.get(uri.toString());
    if (tracked)
      return this.shown(
        folderPath,
        [...tracked.tracker.lines()].map(([line, groups]) => ({ line, hits: mergedHits(groups) })),
      );
    return this.shown(
      folderPath,
      this.store.hitsInFile(folderPath, file).map(([line, hits]) => ({ line: line - 1, hits })),
    );
  }

  /** The lines with the hits the filter lets through; a line left with none is not marked. */
  private shown(folderPath: string, lines: MarkedLine[]): MarkedLine[] {
    if (this.filter === 'all') return lines;
    const facts = this.factsOf(folderPath);
    return lines.flatMap(({ line, hits }) => {
      const kept = hits.filter((hit) => facts.shows(hit.issueId, this.filter));
      return kept.length > 0 ? [{ line, hits: kept }] : [];
    });
  }

  factsOf(folderPath: string): FolderFacts {
    const folder = this.store.folder(folderPath);
    if (!folder.snapshot) return noFacts;
    const cached = this.facts.get(folder.snapshot);
    if (cached && cached.stale === folder.stale) return cached.facts;
    const facts = factsOf(folder.snapshot, folder.stale);
    this.facts.set(folder.snapshot, { stale: folder.stale, facts });
    return facts;
  }

  private trackerOf(document: vscode.TextDocument): Tracker | undefined {
    const key = document.uri.toString();
    const tracked = this.documents.get(key);
    if (tracked) return tracked.tracker;
    const place = this.placeOf(document);
    if (!place) return undefined;
    const hits = this.store.hitsInFile(place.folderPath, place.file);
    if (hits.length === 0) return undefined;
    // The index counts lines from 1, VS Code from 0.
    const tracker: Tracker = new LineTracker(hits.map(([line, lineHits]) => [line - 1, lineHits] as const));
    this.documents.set(key, { folderPath: place.folderPath, tracker });
    return tracker;
  }

  private folderChanged(folderPath: string): void {
    const index = this.store.folder(folderPath).index;
    const linesChanged = index !== this.indexes.get(folderPath);
    this.indexes.set(folderPath, index);
    // A triage change keeps the index: marks stay where the user's edits moved them. A new load starts over.
    if (linesChanged) {
      for (const [key, tracked] of this.documents) if (tracked.folderPath === folderPath) this.documents.delete(key);
    }
    this.changed.fire({ kind: 'folder', folderPath, linesChanged });
  }

  private documentChanged(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return; // only the dirty flag changed
    const { document } = event;
    const key = document.uri.toString();
    const undone =
      event.reason === vscode.TextDocumentChangeReason.Undo || event.reason === vscode.TextDocumentChangeReason.Redo;
    const tracked = this.documents.get(key);
    if (undone && !document.isDirty) {
      // Undo back to the file on disk: the marks as they fit the disk, not what the edits in between left of them.
      if (tracked?.onDisk) tracked.tracker = tracked.onDisk.clone();
      else this.documents.delete(key);
      this.changed.fire({ kind: 'document', uri: document.uri, moved: true });
      return;
    }
    const tracker = tracked?.tracker ?? this.trackerOf(document);
    if (!tracker) return;
    const moved = tracker.apply(event.contentChanges);
    // Clean after an edit that is not an undo: the file was reloaded from disk, which now holds this text.
    if (!document.isDirty) this.rememberDisk(key);
    if (moved || event.contentChanges.some(changesLines))
      this.changed.fire({ kind: 'document', uri: document.uri, moved });
  }

  private documentSaved(document: vscode.TextDocument): void {
    this.rememberDisk(document.uri.toString());
  }

  private rememberDisk(key: string): void {
    const tracked = this.documents.get(key);
    if (tracked) tracked.onDisk = tracked.tracker.clone();
  }

  private documentClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const tracked = this.documents.get(key);
    if (!tracked) return;
    // Reopening shows the file on disk: keep the marks that fit it, or let the store's lines (which do) come back.
    if (tracked.onDisk) tracked.tracker = tracked.onDisk.clone();
    else this.documents.delete(key);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.documents.clear();
  }
}
