// Drives an open VS Code workbench page the way a user would (palette, quick open, go to line) and reads what it shows.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  hasPerformanceMark,
  readAfterLineDecorations,
  readBodyText,
  readEditorLines,
  readTreeRows,
  readValue,
  type LineDecoration,
  type TreeRow,
} from './inPage';
import type { Frame, Locator, Page } from './playwright';
import { QuickInput } from './quickInput';
import { waitFor } from './wait';

/** How long one user-level step (a command, opening a file) may take before the test fails. */
const stepTimeoutMs = 20_000;

/** Makes a test name safe as a file name: `shows the output` -> `shows-the-output`. */
export function artifactName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'unnamed';
}

export class Workbench {
  private readonly quickInput: QuickInput;

  constructor(
    readonly page: Page,
    private readonly artifactsDir: string,
    private readonly testName: string,
  ) {
    this.quickInput = new QuickInput(page);
  }

  /**
   * Waits for the workbench to render and to have read the installed extensions' contributions (commands, views):
   * before that, the palette lacks the extension's commands. VS Code marks that moment with a performance mark.
   */
  async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    await this.page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: timeoutMs });
    await waitFor(
      async () => ((await this.page.evaluate(hasPerformanceMark, 'code/didHandleExtensionPoints')) ? true : undefined),
      {
        what: 'the workbench to load the extensions (performance mark code/didHandleExtensionPoints)',
        timeoutMs,
      },
    );
  }

  /**
   * Runs a command from the command palette by its full title, e.g. "Sentry: Show Output". Contributed commands join
   * the palette only once the extension host has read the extensions, so an early palette may lack it: retried, bounded.
   */
  async runCommand(title: string): Promise<void> {
    await this.quickInput.pick({ key: 'F1', prefix: '>', text: title }, title);
  }

  /**
   * Runs a command that asks with a quick pick (a picker) and picks the row whose text (label, description, detail)
   * matches `row` once the picker has loaded it.
   */
  async runCommandAndChoose(title: string, row: RegExp): Promise<void> {
    await this.quickInput.pickThenChoose({ key: 'F1', prefix: '>', text: title }, title, row);
  }

  /** The text an input box titled `title` offers once a command has opened it. */
  async inputBoxValue(title: string): Promise<string> {
    return this.quickInput.openBoxValue(title);
  }

  /** Answers the input box titled `title` with `text`, or accepts what it offers when `text` is undefined. */
  async answerInputBox(title: string, text?: string): Promise<void> {
    await this.quickInput.answer(title, text);
  }

  /** Clicks the button labelled `label` of the modal dialog on screen (e.g. VS Code's sign-in consent). */
  async clickDialogButton(label: string): Promise<void> {
    const button = this.page
      .locator('.monaco-dialog-box .dialog-buttons .monaco-button')
      .filter({ hasText: label })
      .first();
    await button.waitFor({ state: 'visible', timeout: stepTimeoutMs });
    await button.click();
    await button.waitFor({ state: 'hidden', timeout: stepTimeoutMs });
  }

  /** Opens a workspace file through Quick Open by its path relative to the workspace folder, and waits for its tab. */
  /** Clicks the row matching `row` in a quick pick that something else opened (a notification's action, say). */
  async chooseInOpenQuickPick(row: RegExp): Promise<void> {
    await this.quickInput.choose(row);
  }

  async openFile(relativePath: string): Promise<void> {
    const baseName = relativePath.split('/').pop() ?? relativePath;
    await this.quickInput.pick({ key: 'Control+P', prefix: '', text: relativePath }, baseName);
    // The file may also be open in another editor group: only the active group's active tab says Quick Open is done.
    await this.page
      .locator('.part.editor .editor-group-container.active .tab.active')
      .filter({ hasText: baseName })
      .first()
      .waitFor({ state: 'visible', timeout: stepTimeoutMs });
  }

  /** Moves the cursor of the active editor to `line` (Ctrl+G) and waits until the status bar says so. */
  async goToLine(line: number): Promise<void> {
    // The row reads "Press 'Enter' to go to line 3 ..." (or "Go to line 3, column 1") once the picker has the number.
    await this.quickInput.enter({ key: 'Control+G', prefix: ':', text: String(line) }, `line ${line}`);
    await waitFor(async () => ((await this.statusBarText()).includes(`Ln ${line},`) ? true : undefined), {
      what: `the cursor to reach line ${line}`,
      timeoutMs: stepTimeoutMs,
    });
  }

  /** The texts of all status bar items, joined by " | ". */
  async statusBarText(): Promise<string> {
    // All at once: read one by one, an item the workbench removes meanwhile left the loop waiting for an index that
    // no longer exists (seen once in CI).
    const texts = await this.page.locator('.part.statusbar .statusbar-item').allInnerTexts();
    return texts
      .map((text) => text.trim())
      .filter(Boolean)
      .join(' | ');
  }

  /**
   * One status bar item by its id (`<publisher>.<extension name>.<id given to createStatusBarItem>`): the text it
   * shows and its accessible name; undefined while it is not shown.
   */
  async statusBarItem(id: string): Promise<{ text: string; accessibleName: string } | undefined> {
    const item = this.page.locator(`.part.statusbar .statusbar-item[id=${cssString(id)}]`).first();
    if ((await item.count()) === 0 || !(await item.isVisible())) return undefined;
    return {
      text: (await item.innerText({ timeout: 2000 })).trim(),
      accessibleName: (await item.getAttribute('aria-label', { timeout: 2000 })) ?? '',
    };
  }

  /** Text that decorations render after lines (`after.contentText`) in the open editors, with the line each sits on. */
  async afterLineDecorations(): Promise<LineDecoration[]> {
    return this.page.evaluate(readAfterLineDecorations);
  }

  /** Waits until some after-line decoration satisfies `matches`, and returns all of them at that moment. */
  /** `timeoutMs` beyond a step's 20 s is for the first load of a session, which a busy machine can slow down. */
  async waitForAfterLineDecorations(
    matches: (decorations: LineDecoration[]) => boolean,
    what: string,
    timeoutMs = stepTimeoutMs,
  ): Promise<LineDecoration[]> {
    return waitFor(
      async () => {
        const decorations = await this.afterLineDecorations();
        return matches(decorations) ? decorations : undefined;
      },
      { what, timeoutMs },
    );
  }

  /**
   * The text of every webview document on the page. A webview is an iframe (whose URL contains /webview/) holding
   * another iframe with the extension's HTML; only those frames are read, never the workbench around them.
   */
  async webviewTexts(): Promise<string[]> {
    const texts: string[] = [];
    for (const frame of this.page.frames()) {
      if (frame.isDetached() || !frame.url().includes('/webview/')) continue;
      const text = await frame.evaluate(readBodyText).catch(() => '');
      if (text.trim()) texts.push(text.trim());
    }
    return texts;
  }

  /**
   * The webview document whose text contains `expected` (waited for), to click or read elements inside it, e.g.
   * `frame.locator('[data-testid="frame-link"]')`.
   */
  async webviewFrameShowing(expected: string): Promise<Frame> {
    return waitFor(
      async () => {
        for (const frame of this.page.frames()) {
          if (frame.isDetached() || !frame.url().includes('/webview/')) continue;
          if ((await frame.evaluate(readBodyText).catch(() => '')).includes(expected)) return frame;
        }
        return undefined;
      },
      { what: `a webview showing "${expected}"`, timeoutMs: stepTimeoutMs },
    );
  }

  /** Waits until some webview's text contains `expected`, and returns that text. */
  async waitForWebviewText(expected: string): Promise<string> {
    return waitFor(async () => (await this.webviewTexts()).find((text) => text.includes(expected)), {
      what: `a webview showing "${expected}"`,
      timeoutMs: stepTimeoutMs,
    });
  }

  /** The lines shown by the Output view in the panel (the channel currently selected there). */
  async outputText(): Promise<string> {
    const lines = await this.page.evaluate(readEditorLines, '.part.panel .pane-body.output-view');
    return (lines ?? []).join('\n');
  }

  /** The name of the channel the Output view shows, from its "Switch Output" picker. */
  async outputChannel(): Promise<string | undefined> {
    return this.page.evaluate(readValue, '.part.panel select[aria-label="Switch Output"]');
  }

  /** Waits until the Output view shows channel `channel` with `expected` in its text, and returns the whole text then. */
  async waitForOutputText(channel: string, expected: string): Promise<string> {
    return waitFor(
      async () => {
        if ((await this.outputChannel()) !== channel) return undefined;
        const text = await this.outputText();
        return text.includes(expected) ? text : undefined;
      },
      { what: `the Output view to show channel "${channel}" with "${expected}"`, timeoutMs: stepTimeoutMs },
    );
  }

  /** The messages of the notification toasts on screen. */
  async notificationTexts(): Promise<string[]> {
    // All at once and without waiting: a toast on its way out (hidden, fading) must not stall the read of the others.
    const texts = await this.page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
    return texts.map((text) => text.trim()).filter(Boolean);
  }

  /** Saves a screenshot of the whole workbench as test-artifacts/e2e/<test name>[-<suffix>].png and returns its path. */
  async screenshot(suffix?: string): Promise<string> {
    mkdirSync(this.artifactsDir, { recursive: true });
    const path = join(this.artifactsDir, `${artifactName(suffix ? `${this.testName}-${suffix}` : this.testName)}.png`);
    await this.page.screenshot({ path, timeout: stepTimeoutMs });
    return path;
  }

  /**
   * Shows the hover at the cursor of the focused editor (Ctrl+K Ctrl+I, "Show or Focus Hover") and waits until a
   * visible hover's text contains `expected`; returns that hover. Earlier, hidden hovers stay in the DOM and are skipped.
   */
  async showHover(expected: string): Promise<Locator> {
    const hover = this.visible('.monaco-hover').filter({ hasText: expected }).first();
    await waitFor(
      async () => {
        if (await hover.isVisible()) return true;
        await this.page.keyboard.press('Control+K');
        await this.page.keyboard.press('Control+I');
        await hover.waitFor({ state: 'visible', timeout: 3000 });
        return true;
      },
      { what: `a hover showing "${expected}"`, timeoutMs: stepTimeoutMs },
    );
    return hover;
  }

  /**
   * Closes the visible hover. Escape closes it while the editor has the keyboard; when something else took the
   * keyboard (a webview the hover's link opened), a click on the hover's text first gives the keyboard to the hover.
   */
  async dismissHover(): Promise<void> {
    const hover = this.visible('.monaco-hover').first();
    await this.page.keyboard.press('Escape');
    await waitFor(
      async () => {
        if (!(await hover.isVisible())) return true;
        await hover.locator('p').first().click({ timeout: 2000 });
        await this.page.keyboard.press('Escape');
        await hover.waitFor({ state: 'hidden', timeout: 2000 });
        return true;
      },
      { what: 'the hover to close', timeoutMs: stepTimeoutMs },
    );
  }

  /** The tab name (e.g. `cart.ts`) of the active editor in the active editor group, or undefined when none is open. */
  async activeEditorName(): Promise<string | undefined> {
    const tab = this.page.locator('.part.editor .editor-group-container.active .tab.active').first();
    if ((await tab.count()) === 0) return undefined;
    // The tab's accessible name is "<name>[, preview][, Editor Group N]".
    return (await tab.getAttribute('aria-label', { timeout: 2000 }))?.split(',')[0]?.trim();
  }

  /** Waits until the active editor is `name` with its cursor on `line` (status bar "Ln <line>,"). */
  async waitForActiveEditorAt(name: string, line: number): Promise<void> {
    await waitFor(
      async () =>
        (await this.activeEditorName()) === name && (await this.statusBarText()).includes(`Ln ${line},`)
          ? true
          : undefined,
      {
        what: `the active editor to be ${name} with the cursor on line ${line}`,
        timeoutMs: stepTimeoutMs,
      },
    );
  }

  /** The rendered rows of the tree view named `treeLabel` (the view's name, e.g. "Issues"), top to bottom. */
  async treeRows(treeLabel: string): Promise<TreeRow[]> {
    return this.page.evaluate(readTreeRows, treeLabel);
  }

  /** Waits until the rows of tree `treeLabel` satisfy `matches`, and returns them. */
  async waitForTreeRows(treeLabel: string, matches: (rows: TreeRow[]) => boolean, what: string): Promise<TreeRow[]> {
    return waitFor(
      async () => {
        const rows = await this.treeRows(treeLabel);
        return matches(rows) ? rows : undefined;
      },
      { what, timeoutMs: stepTimeoutMs },
    );
  }

  /** The row of tree `treeLabel` whose accessible label starts with `labelStart` (a locator to click, expand, right-click). */
  treeRow(treeLabel: string, labelStart: string): Locator {
    return this.page
      .locator(
        `.monaco-list[role="tree"][aria-label=${cssString(treeLabel)}] .monaco-list-row[aria-label^=${cssString(labelStart)}]`,
      )
      .first();
  }

  /**
   * Opens the context menu of `target` (right click) and clicks its item labelled exactly `item`. Opening the menu is
   * retried (a right click while the list re-renders can miss it); the click on the item is not, so it runs once.
   */
  async contextMenuPick(target: Locator, item: string): Promise<void> {
    const entry = this.visible('.monaco-menu .action-item .action-label')
      .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(item)}\\s*$`) })
      .first();
    await waitFor(
      async () => {
        if (await this.visible('.monaco-menu').count()) await this.page.keyboard.press('Escape');
        await target.click({ button: 'right', timeout: 5000 });
        await entry.waitFor({ state: 'visible', timeout: 3000 });
        return true;
      },
      { what: `a context menu with "${item}"`, timeoutMs: stepTimeoutMs },
    );
    // VS Code's menus ignore a mouse-up that comes right after they open (so the opening click cannot pick an item):
    // let the menu settle, click, and if it is still open, pick the hovered entry with Enter.
    await this.page.waitForTimeout(400);
    await entry.click({ timeout: stepTimeoutMs });
    await this.page.waitForTimeout(500);
    if (await this.visible('.monaco-menu').count()) {
      process.stderr.write(`e2e: the click on "${item}" did not close the context menu; pressing Enter on it\n`);
      await entry.hover({ timeout: stepTimeoutMs });
      await this.page.keyboard.press('Enter');
    }
  }

  /** Drags the sash at the right edge of the primary side bar until the side bar is `width` pixels wide (e.g. for screenshots of a view). */
  async setSideBarWidth(width: number): Promise<void> {
    const sideBar = this.page.locator('.part.sidebar').first();
    const box = await sideBar.boundingBox({ timeout: stepTimeoutMs });
    if (!box) throw new Error('the primary side bar is not shown');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 8 });
    await this.page.mouse.up();
    await waitFor(async () => (Math.abs(((await sideBar.boundingBox())?.width ?? 0) - width) <= 2 ? true : undefined), {
      what: `the side bar to be ${width} px wide`,
      timeoutMs: stepTimeoutMs,
    });
  }

  /** Visible elements matching `selector`, e.g. `.monaco-hover` (hidden earlier hovers stay in the DOM). */
  visible(selector: string): Locator {
    return this.page.locator(selector).filter({ visible: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `text` as a CSS string literal, for attribute selectors. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}
