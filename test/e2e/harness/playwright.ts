// The part of playwright-core the harness uses, typed here so the root tsconfig compiles without test/e2e/node_modules;
// the module itself is loaded at run time from test/e2e/node_modules.
import { createRequire } from 'node:module';

/** A function serialized into the page: it must not use anything from its module scope. */
export type PageFunction<Arg, R> = (arg: Arg) => R | Promise<R>;

export interface TimeoutOption {
  timeout?: number;
}

export interface Locator {
  first(): Locator;
  last(): Locator;
  nth(index: number): Locator;
  filter(options: { hasText?: string | RegExp; visible?: boolean }): Locator;
  locator(selector: string): Locator;
  click(options?: TimeoutOption & { button?: 'left' | 'right' | 'middle'; clickCount?: number }): Promise<void>;
  dblclick(options?: TimeoutOption): Promise<void>;
  hover(options?: TimeoutOption): Promise<void>;
  fill(value: string, options?: TimeoutOption): Promise<void>;
  scrollIntoViewIfNeeded(options?: TimeoutOption): Promise<void>;
  boundingBox(options?: TimeoutOption): Promise<{ x: number; y: number; width: number; height: number } | null>;
  waitFor(options?: TimeoutOption & { state?: 'attached' | 'detached' | 'visible' | 'hidden' }): Promise<void>;
  innerText(options?: TimeoutOption): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  textContent(options?: TimeoutOption): Promise<string | null>;
  getAttribute(name: string, options?: TimeoutOption): Promise<string | null>;
  count(): Promise<number>;
  isVisible(): Promise<boolean>;
  screenshot(options?: TimeoutOption & { path?: string }): Promise<Buffer>;
}

export interface Keyboard {
  press(key: string, options?: { delay?: number }): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
  insertText(text: string): Promise<void>;
}

export interface Mouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
}

export interface Frame {
  url(): string;
  name(): string;
  isDetached(): boolean;
  evaluate<R>(pageFunction: PageFunction<void, R>): Promise<R>;
  evaluate<R, Arg>(pageFunction: PageFunction<Arg, R>, arg: Arg): Promise<R>;
  locator(selector: string): Locator;
}

export interface ConsoleMessage {
  type(): string;
  text(): string;
}

export interface Dialog {
  type(): string;
  message(): string;
  dismiss(): Promise<void>;
}

export interface Page {
  goto(
    url: string,
    options?: TimeoutOption & { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit' },
  ): Promise<unknown>;
  locator(selector: string): Locator;
  waitForSelector(
    selector: string,
    options?: TimeoutOption & { state?: 'attached' | 'detached' | 'visible' | 'hidden' },
  ): Promise<unknown>;
  evaluate<R>(pageFunction: PageFunction<void, R>): Promise<R>;
  evaluate<R, Arg>(pageFunction: PageFunction<Arg, R>, arg: Arg): Promise<R>;
  frames(): Frame[];
  waitForTimeout(timeoutMs: number): Promise<void>;
  mainFrame(): Frame;
  keyboard: Keyboard;
  mouse: Mouse;
  screenshot(options?: TimeoutOption & { path?: string; fullPage?: boolean }): Promise<Buffer>;
  setDefaultTimeout(timeoutMs: number): void;
  setDefaultNavigationTimeout(timeoutMs: number): void;
  on(event: 'console', listener: (message: ConsoleMessage) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  /** alert/confirm/prompt from the page or any of its frames (webviews included). */
  on(event: 'dialog', listener: (dialog: Dialog) => void): void;
  close(): Promise<void>;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
  grantPermissions(permissions: string[], options?: { origin?: string }): Promise<void>;
  close(): Promise<void>;
}

export interface Browser {
  newContext(options?: {
    viewport?: { width: number; height: number };
    deviceScaleFactor?: number;
  }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export interface LaunchOptions extends TimeoutOption {
  executablePath: string;
  headless: boolean;
  args: string[];
  env?: Record<string, string>;
}

export interface BrowserType {
  launch(options: LaunchOptions): Promise<Browser>;
}

/** Loads playwright-core's Chromium driver from the given install folder. */
export function loadChromium(playwrightCoreDir: string): BrowserType {
  const requireFromHere = createRequire(__filename);
  const loaded: unknown = requireFromHere(playwrightCoreDir);
  if (typeof loaded === 'object' && loaded !== null && 'chromium' in loaded) {
    const chromium: unknown = loaded.chromium;
    if (
      typeof chromium === 'object' &&
      chromium !== null &&
      'launch' in chromium &&
      typeof chromium.launch === 'function'
    ) {
      // The shape matches what this file declares for the pinned playwright-core version (see test/e2e/package.json).
      return chromium as BrowserType;
    }
  }
  throw new Error(`${playwrightCoreDir} does not export chromium.launch`);
}
