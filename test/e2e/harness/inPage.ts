// Functions that run inside the workbench page or a webview frame (serialized by playwright): each is self-contained,
// and the few DOM types they use are declared here because the root tsconfig compiles without the DOM library.

interface PageElement {
  readonly textContent: string | null;
  readonly innerText: string;
  readonly className: string;
  readonly style: { readonly top: string };
  /** Set on <input> and <select> elements only. */
  readonly value?: string;
  readonly classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

interface PageCssRule {
  readonly selectorText?: string;
  readonly style?: { readonly content: string };
}

interface PageStyleSheet {
  readonly cssRules: ArrayLike<PageCssRule>;
}

declare const document: {
  readonly body: PageElement | null;
  readonly styleSheets: ArrayLike<PageStyleSheet>;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
};

export interface LineDecoration {
  /** 1-based line number as shown in the gutter; undefined if the gutter shows none for that line. */
  line: number | undefined;
  text: string;
}

/**
 * The text lines of the first Monaco editor under `rootSelector`, in screen order (Monaco reuses line elements,
 * so DOM order is not line order). Only rendered (visible) lines are there.
 */
export function readEditorLines(rootSelector: string): string[] | undefined {
  const root = document.querySelectorAll(rootSelector)[0];
  const viewLines = root?.querySelector('.monaco-editor .view-lines');
  if (!viewLines) return undefined;
  return Array.from(viewLines.querySelectorAll('.view-line'))
    .map((line) => ({ top: parseFloat(line.style.top), text: (line.textContent ?? '').replace(/\u00a0/g, ' ') }))
    .sort((a, b) => a.top - b.top)
    .map((line) => line.text);
}

/**
 * The `::after` texts that decorations put on lines of the editors in the editor area. VS Code renders a decoration's
 * `after.contentText` as CSS `content` in rules it inserts with insertRule, so the text is in `document.styleSheets`,
 * not in the DOM; the element carrying the rule's class tells which line it is on.
 */
export function readAfterLineDecorations(): LineDecoration[] {
  function unquoteCss(content: string): string {
    const quoted = /^(["'])([\s\S]*)\1$/.exec(content);
    if (!quoted) return content;
    return (quoted[2] ?? '').replace(
      /\\([0-9a-fA-F]{1,6}) ?|\\([\s\S])/g,
      (_, hex: string | undefined, char: string | undefined) =>
        hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : (char ?? ''),
    );
  }
  // Keyed by the compound class selector right before `::after`: VS Code gives each decoration instance a rule like
  // `.ced-…-<hash>-4.ced-…-4::after`, whose last class is shared by every instance of the decoration type.
  const textBySelector = new Map<string, string>();
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: ArrayLike<PageCssRule>;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a stylesheet from another origin cannot be read
    }
    for (const rule of Array.from(rules)) {
      const content = rule.style?.content;
      if (!rule.selectorText || !content || content === 'none' || content === 'normal') continue;
      for (const match of rule.selectorText.matchAll(/((?:\.[\w-]+)+)::?after\b/g)) {
        if (match[1] !== undefined) textBySelector.set(match[1], unquoteCss(content));
      }
    }
  }
  const found: LineDecoration[] = [];
  for (const editor of Array.from(document.querySelectorAll('.part.editor .monaco-editor'))) {
    const lineNumberByTop = new Map<string, number>();
    for (const gutterLine of Array.from(editor.querySelectorAll('.margin-view-overlays > div'))) {
      const number = parseInt(gutterLine.querySelector('.line-numbers')?.textContent ?? '', 10);
      if (!Number.isNaN(number)) lineNumberByTop.set(gutterLine.style.top, number);
    }
    for (const [classes, text] of textBySelector) {
      for (const element of Array.from(editor.querySelectorAll(`.view-lines ${classes}`))) {
        const viewLine = element.closest('.view-line');
        found.push({ line: viewLine ? lineNumberByTop.get(viewLine.style.top) : undefined, text });
      }
    }
  }
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The value of the first element matching `selector` that has one (an <input> or <select>). */
export function readValue(selector: string): string | undefined {
  return Array.from(document.querySelectorAll(selector)).find((element) => typeof element.value === 'string')?.value;
}

/** The visible text of a frame's document (used on webview frames). */
export function readBodyText(): string {
  return document.body?.innerText ?? '';
}

/** Whether the workbench has recorded the performance mark `name` (VS Code marks its startup phases, e.g. code/didHandleExtensionPoints). */
export function hasPerformanceMark(name: string): boolean {
  return performance.getEntriesByName(name).length > 0;
}

export interface TreeRow {
  /** The row's accessible label (a TreeItem's `accessibilityInformation.label`, else its label and description). */
  label: string;
  /** The label the row shows (a TreeItem's `label`). */
  name: string;
  /** The dimmer text after it (a TreeItem's `description`); '' when none. */
  description: string;
  /** The codicon the row shows (a TreeItem's ThemeIcon id, e.g. `error`, `loading`), if any. */
  icon: string | undefined;
  /** 1 for top-level rows. */
  level: number;
  /** undefined for a row without children. */
  expanded: boolean | undefined;
}

/** The rendered rows of the tree whose accessible name is `treeLabel` (a view's name, e.g. "Issues"), top to bottom. */
export function readTreeRows(treeLabel: string): TreeRow[] {
  const tree = Array.from(document.querySelectorAll('.monaco-list[role="tree"]')).find(
    (list) => list.getAttribute('aria-label') === treeLabel,
  );
  if (!tree) return [];
  return Array.from(tree.querySelectorAll('.monaco-list-row'))
    .map((row) => ({ row, top: parseFloat(row.style.top) }))
    .sort((a, b) => a.top - b.top)
    .map(({ row }) => {
      const expanded = row.getAttribute('aria-expanded');
      return {
        label: row.getAttribute('aria-label') ?? '',
        name: (row.querySelector('.label-name')?.textContent ?? '').trim(),
        description: (row.querySelector('.label-description')?.textContent ?? '').trim(),
        icon: /(?:^|\s)codicon-([\w-]+)/.exec(
          row.querySelector('.custom-view-tree-node-item-icon')?.className ?? '',
        )?.[1],
        level: Number(row.getAttribute('aria-level') ?? '1'),
        expanded: expanded === null ? undefined : expanded === 'true',
      };
    });
}

declare const navigator: {
  readonly clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> };
};

/** The page's clipboard text (the session grants the page clipboard access): what the extension last copied. */
export function readClipboardText(): Promise<string> {
  return navigator.clipboard.readText();
}

export function writeClipboardText(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}
