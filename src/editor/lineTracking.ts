// Keeps marks on their lines while a document is edited, until the next refresh brings fresh lines: lines inserted or
// deleted above shift a mark, a deleted line drops it. Pure (no vscode import) so it is tested in plain Node; it takes
// VS Code's content changes structurally.

export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

/** The shape of `vscode.TextDocumentContentChangeEvent` that matters here: a replaced range and its new text. */
export interface LineEdit {
  readonly range: { readonly start: TextPosition; readonly end: TextPosition };
  readonly text: string;
}

function lineBreaksIn(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 10) count++;
    else if (char === 13 && text.charCodeAt(index + 1) !== 10) count++; // a lone \r; \r\n counts once, at its \n
  }
  return count;
}

/**
 * Where a mark on 0-based `line` is after `edit`, or undefined when its line was deleted. A line whose text keeps its
 * start (an edit that begins after column 0) stays; a line that only loses the line break before it (the edit ends at
 * its column 0) moves with its text; a line whose start is deleted, or that lies wholly inside the edit, is gone.
 */
export function lineAfterEdit(line: number, edit: LineEdit): number | undefined {
  const { start, end } = edit.range;
  const inserted = lineBreaksIn(edit.text);
  if (line < start.line) return line;
  if (line > end.line) return line + inserted - (end.line - start.line);
  if (line === start.line && start.character > 0) return line;
  // From here the edit starts at or before the line's first character.
  if (line === end.line && (line === start.line || end.character === 0)) return start.line + inserted;
  return undefined;
}

export interface TrackedMark<T> {
  readonly line: number;
  readonly value: T;
}

/** The marks of one document. Edits cost O(marks); reading lines is cached between edits. */
export class LineTracker<T> {
  private marks: TrackedMark<T>[];
  private byLine: Map<number, T[]> | undefined;

  constructor(marks: Iterable<readonly [line: number, value: T]>) {
    this.marks = [...marks].map(([line, value]) => ({ line, value }));
  }

  /** Applies a change event's edits in order (each is relative to the text after the ones before it). */
  apply(edits: readonly LineEdit[]): boolean {
    let changed = false;
    for (const edit of edits) {
      const next: TrackedMark<T>[] = [];
      for (const mark of this.marks) {
        const line = lineAfterEdit(mark.line, edit);
        if (line !== mark.line) changed = true;
        if (line !== undefined) next.push(line === mark.line ? mark : { line, value: mark.value });
      }
      this.marks = next;
    }
    if (changed) this.byLine = undefined;
    return changed;
  }

  /** Marked lines ascending; marks that edits moved onto the same line are listed together. */
  lines(): ReadonlyMap<number, readonly T[]> {
    if (!this.byLine) {
      const byLine = new Map<number, T[]>();
      for (const mark of [...this.marks].sort((a, b) => a.line - b.line)) {
        const values = byLine.get(mark.line);
        if (values) values.push(mark.value);
        else byLine.set(mark.line, [mark.value]);
      }
      this.byLine = byLine;
    }
    return this.byLine;
  }

  at(line: number): readonly T[] {
    return this.lines().get(line) ?? [];
  }

  get size(): number {
    return this.marks.length;
  }

  /** An independent copy, to remember the marks as they fit the file on disk. */
  clone(): LineTracker<T> {
    return new LineTracker(this.marks.map((mark) => [mark.line, mark.value] as const));
  }
}
