// Drives an open VS Code workbench page the way a user would (palette, quick open, go to line) and reads what it shows.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hasPerformanceMark, readAfterLineDecorations, readBodyText, readEditorLines, readValue, type LineDecoration } from './inPage';
import type { Locator, Page } from './playwright';
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
    await waitFor(async () => ((await this.page.evaluate(hasPerformanceMark, 'code/didHandleExtensionPoints')) ? true : undefined), {
      what: 'the workbench to load the extensions (performance mark code/didHandleExtensionPoints)',
      timeoutMs,
    });
  }

  /**
   * Runs a command from the command palette by its full title, e.g. "Sentry: Show Output". Contributed commands join
   * the palette only once the extension host has read the extensions, so an early palette may lack it: retried, bounded.
   */
  async runCommand(title: string): Promise<void> {
    await this.quickInput.pick({ key: 'F1', prefix: '>', text: title }, title);
  }

  /** Opens a workspace file through Quick Open by its path relative to the workspace folder, and waits for its tab. */
  async openFile(relativePath: string): Promise<void> {
    const baseName = relativePath.split('/').pop() ?? relativePath;
    await this.quickInput.pick({ key: 'Control+P', prefix: '', text: relativePath }, baseName);
    await this.page.locator('.part.editor .tab.active').filter({ hasText: baseName }).waitFor({ state: 'visible', timeout: stepTimeoutMs });
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
    const items = this.page.locator('.part.statusbar .statusbar-item');
    const texts: string[] = [];
    for (let index = 0; index < (await items.count()); index++) {
      texts.push((await items.nth(index).innerText({ timeout: 2000 })).trim());
    }
    return texts.filter(Boolean).join(' | ');
  }

  /** Text that decorations render after lines (`after.contentText`) in the open editors, with the line each sits on. */
  async afterLineDecorations(): Promise<LineDecoration[]> {
    return this.page.evaluate(readAfterLineDecorations);
  }

  /** Waits until some after-line decoration satisfies `matches`, and returns all of them at that moment. */
  async waitForAfterLineDecorations(matches: (decorations: LineDecoration[]) => boolean, what: string): Promise<LineDecoration[]> {
    return waitFor(async () => {
      const decorations = await this.afterLineDecorations();
      return matches(decorations) ? decorations : undefined;
    }, { what, timeoutMs: stepTimeoutMs });
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
    return waitFor(async () => {
      if ((await this.outputChannel()) !== channel) return undefined;
      const text = await this.outputText();
      return text.includes(expected) ? text : undefined;
    }, { what: `the Output view to show channel "${channel}" with "${expected}"`, timeoutMs: stepTimeoutMs });
  }

  /** The messages of the notification toasts on screen. */
  async notificationTexts(): Promise<string[]> {
    const toasts = this.page.locator('.notification-toast .notification-list-item-message');
    const texts: string[] = [];
    for (let index = 0; index < (await toasts.count()); index++) texts.push(await toasts.nth(index).innerText({ timeout: 2000 }));
    return texts;
  }

  /** Saves a screenshot of the whole workbench as test-artifacts/e2e/<test name>[-<suffix>].png and returns its path. */
  async screenshot(suffix?: string): Promise<string> {
    mkdirSync(this.artifactsDir, { recursive: true });
    const path = join(this.artifactsDir, `${artifactName(suffix ? `${this.testName}-${suffix}` : this.testName)}.png`);
    await this.page.screenshot({ path, timeout: stepTimeoutMs });
    return path;
  }

  /** Visible elements matching `selector`, e.g. `.monaco-hover` (hidden earlier hovers stay in the DOM). */
  visible(selector: string): Locator {
    return this.page.locator(selector).filter({ visible: true });
  }
}
