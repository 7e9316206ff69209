// Optional Problems-panel entries (`sentryInsight.diagnostics.enabled`): one per issue on each line that raised it, in
// every file of the loaded folders, not only open ones. The code is the short id, linking to the issue's page.
import * as vscode from 'vscode';
import { diagnosticMessage } from '../core/format/issueLabel';
import { levelKind, type LevelKind } from '../core/format/issueLevel';
import type { EditorContext } from './ctx';
import { DebouncedBatch } from './debouncedBatch';
import type { MarkedLine, MarkedLines, MarksChange } from './markedLines';

const severities: Record<LevelKind, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Edits that move marks re-report the file once typing pauses. */
const editDelayMs = 500;

interface FileEntry {
  readonly folderPath: string;
  readonly file: string;
  readonly uri: vscode.Uri;
}

function uriOf(folderPath: string, file: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.Uri.file(folderPath), ...file.split('/'));
}

export class IssueDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('sentry');
  /** The files each folder reported, so a folder's refresh clears what it no longer has. */
  private readonly reported = new Map<string, Map<string, FileEntry>>();
  private readonly edited = new DebouncedBatch<string>((uris) => this.reportEdited(uris));
  private readonly subscriptions: vscode.Disposable[];
  private enabled: boolean;

  constructor(
    private readonly ctx: EditorContext,
    private readonly marks: MarkedLines,
  ) {
    this.enabled = ctx.settings.diagnostics;
    this.subscriptions = [
      this.collection,
      this.edited,
      ctx.settings.onDidChange(() => this.settingsChanged()),
      marks.onDidChange((change) => this.marksChanged(change)),
    ];
    if (this.enabled) this.reportAll();
  }

  private settingsChanged(): void {
    if (this.ctx.settings.diagnostics === this.enabled) return;
    this.enabled = this.ctx.settings.diagnostics;
    if (this.enabled) this.reportAll();
    else this.clear();
  }

  private marksChanged(change: MarksChange): void {
    if (!this.enabled) return;
    if (change.kind === 'folder') this.reportFolder(change.folderPath);
    else if (change.kind === 'all') this.reportAll();
    else if (change.moved) this.edited.add([change.uri.toString()], editDelayMs);
  }

  private clear(): void {
    this.collection.clear();
    this.reported.clear();
  }

  private reportAll(): void {
    this.clear();
    for (const folder of this.ctx.store.allFolders()) this.reportFolder(folder.folderPath);
  }

  private reportFolder(folderPath: string): void {
    const files = new Map<string, FileEntry>();
    for (const hit of this.ctx.store.folder(folderPath).index?.allHits() ?? []) {
      if (hit.role !== 'raised' || files.has(hit.file)) continue;
      files.set(hit.file, { folderPath, file: hit.file, uri: uriOf(folderPath, hit.file) });
    }
    for (const [file, entry] of this.reported.get(folderPath) ?? [])
      if (!files.has(file)) this.collection.delete(entry.uri);
    this.reported.set(folderPath, files);
    for (const entry of files.values()) this.reportFile(entry);
  }

  private reportEdited(uris: ReadonlySet<string>): void {
    for (const files of this.reported.values())
      for (const entry of files.values()) if (uris.has(entry.uri.toString())) this.reportFile(entry);
  }

  private reportFile(entry: FileEntry): void {
    const document = vscode.workspace.textDocuments.find(
      (candidate) => candidate.uri.toString() === entry.uri.toString(),
    );
    const lines = this.marks.linesOfFile(entry.folderPath, entry.file, entry.uri);
    const diagnostics = lines.flatMap((marked) => this.diagnosticsOf(entry.folderPath, marked, document));
    this.collection.set(entry.uri, diagnostics);
  }

  private diagnosticsOf(
    folderPath: string,
    { line, hits }: MarkedLine,
    document: vscode.TextDocument | undefined,
  ): vscode.Diagnostic[] {
    if (document && line >= document.lineCount) return [];
    const facts = this.marks.factsOf(folderPath);
    const range = document ? trimmedLine(document, line) : new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER);
    return hits
      .filter((hit) => hit.role === 'raised' && !facts.isClosed(hit.issueId))
      .map((hit) => {
        const diagnostic = new vscode.Diagnostic(
          range,
          diagnosticMessage(hit, facts.withUsers),
          severities[levelKind(hit.level)],
        );
        diagnostic.source = 'Sentry';
        const target = webLink(this.ctx.issueUrl(hit.issueId));
        diagnostic.code = target ? { value: hit.shortId, target } : hit.shortId;
        return diagnostic;
      });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** The issue's page as a link; only http(s), so a server-sent permalink can never be a `command:` or `file:` URI. */
function webLink(url: string | undefined): vscode.Uri | undefined {
  if (!url) return undefined;
  const uri = vscode.Uri.parse(url);
  return uri.scheme === 'https' || uri.scheme === 'http' ? uri : undefined;
}

/** The line from its first non-blank character: the squiggle covers the statement, not its indentation. */
function trimmedLine(document: vscode.TextDocument, line: number): vscode.Range {
  const text = document.lineAt(line);
  return new vscode.Range(line, text.firstNonWhitespaceCharacterIndex, line, text.range.end.character);
}

/** Problems-panel entries, following `sentryInsight.diagnostics.enabled`. */
export function registerIssueDiagnostics(ctx: EditorContext, marks: MarkedLines): vscode.Disposable {
  return new IssueDiagnostics(ctx, marks);
}
