// One e2e session: temp dirs, settings, the extension installed, code-server on a free port, Chromium on the workbench;
// and its teardown, which always runs and leaves no process or temp dir behind.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { installVsix, startCodeServer, type CodeServerDirs, type RunningCodeServer } from './codeServer';
import { onEarlyExit } from './exitCleanup';
import { extensionVsix, packageExtensionFolder } from './extensionPackage';
import { e2eTools, repoRoot } from './paths';
import { loadChromium, type Browser } from './playwright';
import { writeUserSettings, type Settings } from './userSettings';
import { withTimeout } from './wait';
import { artifactName, Workbench } from './workbench';

/** Chromium flags known to work here: no sandbox as root, and no background connections the closed network would refuse. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface SessionOptions {
  /** Names the screenshots and logs in test-artifacts/e2e/. */
  testName: string;
  /** Files (relative path -> content) of a workspace folder made for this session, or an existing folder to open. */
  workspace: { files: Record<string, string> } | { folder: string };
  /** User settings on top of the harness defaults (see userSettings.ts). */
  settings?: Settings;
  /** Keep Workspace Trust on (the folder then opens in Restricted Mode); off by default. */
  workspaceTrust?: boolean;
  /** The .vsix to install; by default the extension packaged from this checkout. */
  vsix?: string;
  /** Unpacked extension folders (plain JS with a package.json) to package and install beside it, e.g. test/e2e/fixtures/probe-extension. */
  extraExtensionFolders?: string[];
  viewport?: { width: number; height: number };
  /**
   * How long code-server keeps a closed window's extension host for the window to reconnect (its default is three
   * hours); a test that closes a window and needs its extension to stop sets a few seconds.
   */
  reconnectionGraceSeconds?: number;
}

export interface Session {
  workbench: Workbench;
  /** Absolute path of the folder the workbench has open. */
  workspaceFolder: string;
  /** code-server's own output, kept in test-artifacts/e2e/ for failures. */
  codeServerLog: string;
  /**
   * Runs one step of a test that shares this session (node:test `before`/`after`), saving
   * test-artifacts/e2e/<session test name>-<step>-failure.png when it fails.
   */
  step<T>(name: string, body: () => Promise<T>): Promise<T>;
  /**
   * Opens a second workbench window of the same code-server (same user data, as two windows of one VS Code) on a new
   * folder made of `files`; its screenshots are named `<test name>-<name>`. Closed by `stop()`.
   */
  openWindow(name: string, files: Record<string, string>): Promise<{ workbench: Workbench; workspaceFolder: string }>;
  /** Stops Chromium and code-server and removes the temp dirs; safe to call more than once. */
  stop(): Promise<void>;
}

async function screenshotOnFailure<T>(workbench: Workbench, suffix: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    await workbench.screenshot(suffix).catch(() => undefined);
    throw error;
  }
}

function makeWorkspace(root: string, files: Record<string, string>, name = 'workspace'): string {
  const folder = join(root, name);
  mkdirSync(folder, { recursive: true });
  for (const [relativePath, content] of Object.entries(files)) {
    const path = join(folder, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return folder;
}

/** Starts a session; the caller must `stop()` it (use `withSession` or a node:test `after` hook). */
export async function startSession(options: SessionOptions): Promise<Session> {
  const tools = e2eTools();
  const vsix = options.vsix ?? extensionVsix();
  const artifactsDir = join(repoRoot(), 'test-artifacts', 'e2e');
  mkdirSync(artifactsDir, { recursive: true });
  const tempRoot = mkdtempSync(join(tmpdir(), 'sentry-insight-e2e-'));
  const dirs: CodeServerDirs = {
    userDataDir: join(tempRoot, 'user-data'),
    extensionsDir: join(tempRoot, 'extensions'),
    homeDir: join(tempRoot, 'home'),
    logFile: join(artifactsDir, `${artifactName(options.testName)}.code-server.log`),
  };
  rmSync(dirs.logFile, { force: true });
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let stopped = false;
  const forgetTempRoot = onEarlyExit(() => rmSync(tempRoot, { recursive: true, force: true }));
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    forgetTempRoot();
    if (browser) await withTimeout(browser.close(), 15_000, 'closing Chromium').catch(() => undefined);
    if (server) await server.stop();
    if (process.env['E2E_KEEP_TEMP']) console.log(`kept e2e temp dir ${tempRoot}`);
    else rmSync(tempRoot, { recursive: true, force: true });
  };
  try {
    for (const dir of [dirs.userDataDir, dirs.extensionsDir, dirs.homeDir]) mkdirSync(dir, { recursive: true });
    const workspaceFolder =
      'folder' in options.workspace ? options.workspace.folder : makeWorkspace(tempRoot, options.workspace.files);
    writeUserSettings(dirs.userDataDir, {
      'security.workspace.trust.enabled': options.workspaceTrust ?? false,
      ...options.settings,
    });
    installVsix(tools, dirs, vsix);
    for (const folder of options.extraExtensionFolders ?? [])
      installVsix(tools, dirs, packageExtensionFolder(folder, tempRoot));
    const grace =
      options.reconnectionGraceSeconds === undefined
        ? []
        : ['--reconnection-grace-time', String(options.reconnectionGraceSeconds)];
    server = await startCodeServer(tools, dirs, workspaceFolder, undefined, grace);
    browser = await loadChromium(tools.playwrightCore).launch({
      executablePath: tools.chromium,
      headless: true,
      args: chromiumArgs,
      timeout: 60_000,
    });
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    // What the extension copies (Copy Link, Explain with AI without a chat) can be read back with navigator.clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.setDefaultNavigationTimeout(60_000);
    await page.goto(server.workbenchUrl, { waitUntil: 'domcontentloaded' });
    const workbench = new Workbench(page, artifactsDir, options.testName);
    await workbench.waitUntilReady();
    const step = <T>(name: string, body: () => Promise<T>): Promise<T> =>
      screenshotOnFailure(workbench, `${name}-failure`, body);
    const workbenchUrl = server.workbenchUrl;
    const openWindow = async (
      name: string,
      files: Record<string, string>,
    ): Promise<{ workbench: Workbench; workspaceFolder: string }> => {
      const folder = makeWorkspace(tempRoot, files, artifactName(name));
      const url = new URL(workbenchUrl);
      url.searchParams.set('folder', folder);
      const second = await context.newPage();
      second.setDefaultTimeout(20_000);
      second.setDefaultNavigationTimeout(60_000);
      await second.goto(url.toString(), { waitUntil: 'domcontentloaded' });
      const opened = new Workbench(second, artifactsDir, `${options.testName}-${name}`);
      await opened.waitUntilReady();
      return { workbench: opened, workspaceFolder: folder };
    };
    return { workbench, workspaceFolder, codeServerLog: dirs.logFile, step, openWindow, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Runs `body` in a fresh session and always tears it down; when `body` fails, first saves
 * test-artifacts/e2e/<test name>-failure.png so the state at the failure can be seen.
 */
export async function withSession<T>(options: SessionOptions, body: (session: Session) => Promise<T>): Promise<T> {
  const session = await startSession(options);
  try {
    return await screenshotOnFailure(session.workbench, 'failure', () => body(session));
  } finally {
    await session.stop();
  }
}
