// Drives VS Code's quick input box (command palette, Quick Open, Go to Line) with bounded retries: a key pressed
// while focus moves, or typing that races the list being filled, makes one attempt fail; the next one starts clean.
import { readValue } from './inPage';
import type { Page } from './playwright';
import { sleep, waitFor } from './wait';

const widget = '.quick-input-widget';
const input = '.quick-input-widget .quick-input-box input';
const rows = '.quick-input-list .monaco-list-row';

/** How long one use of the box may take in all, and one attempt of it. */
const totalTimeoutMs = 45_000;
const attemptTimeoutMs = 5_000;
/** How long a clicked box may take to close before the click counts as lost. */
const clickSettleMs = 3_000;

export interface QuickInputEntry {
  /** The key that opens the box: 'F1' (commands), 'Control+P' (files), 'Control+G' (line). */
  key: string;
  /** What the box holds right after opening: '>' for commands, ':' for Go to Line, '' for Quick Open. */
  prefix: string;
  text: string;
}

export class QuickInput {
  constructor(private readonly page: Page) {}

  /**
   * Opens the box, types the entry and clicks the first result row containing `rowLabel`. Only finding the row is
   * retried, never the click: a command must not run twice.
   */
  async pick(entry: QuickInputEntry, rowLabel: string): Promise<void> {
    const row = this.page.locator(rows).filter({ hasText: rowLabel }).first();
    await this.retry(`a quick input row "${rowLabel}" after typing "${entry.text}"`, async () => {
      await this.type(entry);
      await row.waitFor({ state: 'visible', timeout: attemptTimeoutMs });
    });
    await row.click({ timeout: attemptTimeoutMs });
    await this.acceptIfStillOpen(rowLabel);
    await this.waitClosed(totalTimeoutMs);
  }

  /**
   * A click on a row sometimes does not reach the list (seen after a webview had the keyboard): the box then stays
   * open with the row focused. The box closes before the picked command runs, so a box still open after a while
   * means the pick was not taken, and Enter on the focused row cannot run it twice.
   */
  private async acceptIfStillOpen(rowLabel: string | RegExp): Promise<void> {
    try {
      await this.waitClosed(clickSettleMs);
      return;
    } catch {
      const focused = this.page.locator(`${rows}.focused`).filter({ hasText: rowLabel }).first();
      if (!(await focused.isVisible())) return;
      process.stderr.write(
        `e2e: the click on quick input row "${String(rowLabel)}" was not taken; pressing Enter on it\n`,
      );
      await this.page.keyboard.press('Enter');
    }
  }

  /**
   * Like `pick`, for a row that opens another quick pick at once (a command that asks something): the box never
   * closes in between, so what tells the click was taken is the row going away. Then picks `next` in the new list.
   */
  async pickThenChoose(entry: QuickInputEntry, rowLabel: string, next: RegExp): Promise<void> {
    const row = this.page.locator(rows).filter({ hasText: rowLabel }).first();
    await this.retry(`a quick input row "${rowLabel}" after typing "${entry.text}"`, async () => {
      await this.type(entry);
      await row.waitFor({ state: 'visible', timeout: attemptTimeoutMs });
    });
    await row.click({ timeout: attemptTimeoutMs });
    try {
      await row.waitFor({ state: 'hidden', timeout: clickSettleMs });
    } catch {
      process.stderr.write(`e2e: the click on quick input row "${rowLabel}" was not taken; pressing Enter on it\n`);
      await this.page.keyboard.press('Enter');
    }
    await this.choose(next);
  }

  /**
   * Clicks the row whose text matches `row` in a quick pick that is already open (a command opened it, e.g. a picker
   * that loads its items first), once the row shows. Nothing is typed; the click is not retried.
   */
  async choose(row: RegExp): Promise<void> {
    const target = this.page.locator(rows).filter({ hasText: row }).first();
    await target.waitFor({ state: 'visible', timeout: totalTimeoutMs });
    await target.click({ timeout: attemptTimeoutMs });
    await this.acceptIfStillOpen(row);
    await this.waitClosed(totalTimeoutMs);
  }

  /**
   * Opens the box, types the entry, waits for a row containing `rowLabel` (the picker has taken the text in) and
   * presses Enter; Go to Line works this way. Retried, so what Enter does must be idempotent.
   */
  async enter(entry: QuickInputEntry, rowLabel: string): Promise<void> {
    await this.retry(`the quick input to accept "${entry.prefix}${entry.text}"`, async () => {
      await this.type(entry);
      await this.page
        .locator(rows)
        .filter({ hasText: rowLabel })
        .first()
        .waitFor({ state: 'visible', timeout: attemptTimeoutMs });
      await this.page.keyboard.press('Enter');
      await this.waitClosed(attemptTimeoutMs);
    });
  }

  /**
   * Waits for an input box something else opened (a command's question) whose title contains `title`, and returns the
   * text it offers.
   */
  async openBoxValue(title: string): Promise<string> {
    await this.page
      .locator(widget)
      .filter({ hasText: title })
      .first()
      .waitFor({ state: 'visible', timeout: totalTimeoutMs });
    return (await this.page.evaluate(readValue, input)) ?? '';
  }

  /**
   * Answers the open input box titled `title`: replaces its text with `text` when given (a password box too), presses
   * Enter and waits for the box to take it (close, or show another question). Not retried: an answer is given once.
   */
  async answer(title: string, text?: string): Promise<void> {
    const box = this.page.locator(widget).filter({ hasText: title }).first();
    await box.waitFor({ state: 'visible', timeout: totalTimeoutMs });
    if (text !== undefined) {
      await this.page.locator(input).fill(text, { timeout: attemptTimeoutMs });
      await this.waitForValue((value) => value === text, `the input box to hold the answer`);
    }
    await this.page.keyboard.press('Enter');
    await box.waitFor({ state: 'hidden', timeout: totalTimeoutMs });
  }

  /** Closes the box if it is open (a failed step may leave it open for the next). */
  async close(): Promise<void> {
    if (await this.page.locator(widget).isVisible()) await this.page.keyboard.press('Escape');
    await this.waitClosed(attemptTimeoutMs);
  }

  /** Opens the box with the entry's key, waits for its prefix, then types and waits until the box holds exactly that. */
  private async type(entry: QuickInputEntry): Promise<void> {
    await this.close();
    await this.page.keyboard.press(entry.key);
    await this.page.locator(widget).waitFor({ state: 'visible', timeout: attemptTimeoutMs });
    await this.waitForValue((value) => value === entry.prefix, `the quick input to open with "${entry.prefix}"`);
    await this.page.keyboard.insertText(entry.text);
    await this.waitForValue(
      (value) => value === entry.prefix + entry.text,
      `the quick input to hold "${entry.prefix}${entry.text}"`,
    );
  }

  private async waitForValue(matches: (value: string) => boolean, what: string): Promise<void> {
    await waitFor(async () => (matches((await this.page.evaluate(readValue, input)) ?? '') ? true : undefined), {
      what,
      timeoutMs: attemptTimeoutMs,
      intervalMs: 50,
    });
  }

  private async waitClosed(timeoutMs: number): Promise<void> {
    await this.page.locator(widget).waitFor({ state: 'hidden', timeout: timeoutMs });
  }

  private async retry(what: string, attempt: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + totalTimeoutMs;
    for (;;) {
      try {
        return await attempt();
      } catch (error) {
        if (Date.now() + attemptTimeoutMs > deadline) {
          throw new Error(`gave up after ${totalTimeoutMs} ms waiting for ${what}`, { cause: error });
        }
        // Said on stderr so that a slow or flaky workbench shows in the test output before it turns into a failure.
        process.stderr.write(
          `e2e: retrying quick input (${what}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
        );
        await this.page.keyboard.press('Escape');
        await sleep(250);
      }
    }
  }
}
