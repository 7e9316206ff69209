// Draws the marks in visible editors: a gutter icon by level, an overview-ruler mark and a calm after-line summary
// (`✖ 1.2k events · 87 users · TypeError: …`). Decoration types are made once; redraws are batched, limited to the
// editors an event concerns, and skipped when an editor would get what it already shows.
import * as vscode from 'vscode';
import { summarizeLine, type LineStyle } from '../core/format/lineSummary';
import type { EditorContext } from './ctx';
import { DebouncedBatch } from './debouncedBatch';
import type { MarkedLines, MarksChange } from './markedLines';

/** Quiet time after typing before marks are redrawn; VS Code moves existing decorations with the text meanwhile. */
const editDelayMs = 150;
/** Just enough to coalesce bursts (tab switches, one triage touching several issues). */
const refreshDelayMs = 30;

const styles: readonly LineStyle[] = ['error', 'warning', 'info', 'caller'];

interface StyleLook {
  readonly icon: string;
  readonly text: string;
  readonly ruler?: string;
  readonly background?: string;
}

const looks: Record<LineStyle, StyleLook> = {
  error: {
    icon: 'error',
    text: 'sentryInsight.errorForeground',
    ruler: 'sentryInsight.errorOverviewRuler',
    background: 'sentryInsight.errorLineBackground',
  },
  warning: { icon: 'warning', text: 'sentryInsight.warningForeground', ruler: 'sentryInsight.warningOverviewRuler' },
  info: { icon: 'info', text: 'sentryInsight.callerForeground', ruler: 'editorOverviewRuler.infoForeground' },
  // Lines that only call into an error: grey text, a small gutter dot, no ruler mark.
  caller: { icon: 'caller', text: 'sentryInsight.callerForeground' },
};

function decorationType(extensionUri: vscode.Uri, look: StyleLook): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'gutter', `${look.icon}.svg`),
    gutterIconSize: '70%',
    ...(look.background ? { backgroundColor: new vscode.ThemeColor(look.background) } : {}),
    ...(look.ruler
      ? { overviewRulerColor: new vscode.ThemeColor(look.ruler), overviewRulerLane: vscode.OverviewRulerLane.Right }
      : {}),
    after: {
      color: new vscode.ThemeColor(look.text),
      margin: '0 0 0 3em',
      fontStyle: 'italic',
      fontWeight: 'normal',
      textDecoration: 'none',
    },
  });
}

/**
 * Where a mark is anchored. A whole-line decoration draws its `after` text at the end of the line wherever its range
 * lies; anchoring at column 0 keeps Enter at the end of a marked line (the common edit) from carrying the mark along.
 */
function anchor(line: number): vscode.Range {
  return new vscode.Range(line, 0, line, 0);
}

/** What an editor that shows no marks has drawn. */
const nothingDrawn = '';
/** Matches no signature: the editor must be drawn again. */
const movedByEditor = '\u0000moved';

function signatureOf(byStyle: Record<LineStyle, vscode.DecorationOptions[]>): string {
  if (styles.every((style) => byStyle[style].length === 0)) return nothingDrawn;
  return JSON.stringify(
    styles.map((style) =>
      byStyle[style].map(({ range, renderOptions }) => [range.start.line, renderOptions?.after?.contentText]),
    ),
  );
}

export class LineDecorations implements vscode.Disposable {
  private readonly types: Record<LineStyle, vscode.TextEditorDecorationType>;
  /** What each editor shows now, as a comparable string; editors are replaced by VS Code when a tab is re-shown. */
  private drawn = new WeakMap<vscode.TextEditor, string>();
  private enabled: boolean;
  private readonly batch = new DebouncedBatch<string>((uris) => this.drawDocuments(uris));
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly ctx: EditorContext,
    private readonly marks: MarkedLines,
  ) {
    this.types = Object.fromEntries(
      styles.map((style) => [style, decorationType(ctx.extensionUri, looks[style])]),
    ) as Record<LineStyle, vscode.TextEditorDecorationType>;
    this.enabled = ctx.settings.inlineAnnotations;
    this.subscriptions = [
      this.batch,
      ...Object.values(this.types),
      vscode.window.onDidChangeVisibleTextEditors((editors) => this.schedule(editors, refreshDelayMs)),
      marks.onDidChange((change) => this.marksChanged(change)),
      ctx.settings.onDidChange(() => this.settingsChanged()),
    ];
    this.schedule(vscode.window.visibleTextEditors, 0);
  }

  private schedule(editors: readonly vscode.TextEditor[], delayMs: number): void {
    this.batch.add(
      editors.map((editor) => editor.document.uri.toString()),
      delayMs,
    );
  }

  private marksChanged(change: MarksChange): void {
    const editors = vscode.window.visibleTextEditors;
    switch (change.kind) {
      case 'folder':
        return this.schedule(
          editors.filter((editor) => this.marks.placeOf(editor.document)?.folderPath === change.folderPath),
          refreshDelayMs,
        );
      case 'document': {
        const edited = editors.filter((editor) => editor.document.uri.toString() === change.uri.toString());
        // VS Code has moved the drawn marks its own way meanwhile: put them where the tracker says, even if unchanged.
        for (const editor of edited) this.drawn.set(editor, movedByEditor);
        return this.schedule(edited, editDelayMs);
      }
      case 'all':
        return this.schedule(editors, refreshDelayMs);
    }
  }

  private settingsChanged(): void {
    const enabled = this.ctx.settings.inlineAnnotations;
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.schedule(vscode.window.visibleTextEditors, 0);
  }

  private drawDocuments(uris: ReadonlySet<string>): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (uris.has(editor.document.uri.toString())) this.draw(editor);
    }
  }

  private draw(editor: vscode.TextEditor): void {
    const byStyle = this.enabled ? this.decorationsOf(editor.document) : undefined;
    const signature = byStyle ? signatureOf(byStyle) : nothingDrawn;
    if ((this.drawn.get(editor) ?? nothingDrawn) === signature) return;
    for (const style of styles) editor.setDecorations(this.types[style], byStyle?.[style] ?? []);
    this.drawn.set(editor, signature);
  }

  private decorationsOf(document: vscode.TextDocument): Record<LineStyle, vscode.DecorationOptions[]> {
    const byStyle: Record<LineStyle, vscode.DecorationOptions[]> = { error: [], warning: [], info: [], caller: [] };
    const place = this.marks.placeOf(document);
    if (!place) return byStyle;
    const facts = this.marks.factsOf(place.folderPath);
    for (const { line, hits } of this.marks.linesOf(document)) {
      if (line >= document.lineCount) continue;
      const summary = summarizeLine(hits, facts);
      if (!summary) continue;
      byStyle[summary.style].push({
        range: anchor(line),
        renderOptions: { after: { contentText: summary.text } },
      });
    }
    return byStyle;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.drawn = new WeakMap();
  }
}

/** The inline marks of every visible editor, following `sentryInsight.inlineAnnotations.enabled`. */
export function registerLineDecorations(ctx: EditorContext, marks: MarkedLines): vscode.Disposable {
  return new LineDecorations(ctx, marks);
}
