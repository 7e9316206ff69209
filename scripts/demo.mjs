// `npm run demo`, the README's main job: installs the e2e tooling when missing (code-server, Chromium), packages the
// extension, and serves a real VS Code with it installed on examples/shop at http://127.0.0.1:8080 (DEMO_PORT) until
// Ctrl+C. Running the shop (its VS Code task, or `node examples/shop/run.mjs`) then puts its errors on their lines,
// through the local Sentry the extension starts on 127.0.0.1:8963.
// DEMO_SMOKE=1 checks that whole chain instead: Chromium opens the workbench, the shop runs once, and the demo waits
// for the mark on the line that threw, saves test-artifacts/demo.png and exits 0 (or 1, with test-artifacts/demo-failure.png).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { ensureE2eTooling } from './e2eTooling.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shop = join(root, 'examples', 'shop');
const artifacts = join(root, 'test-artifacts');
const demoPort = Number(process.env.DEMO_PORT ?? 8080);
const smoke = process.env.DEMO_SMOKE === '1';
/** Where the extension's local Sentry listens (sentryInsight.local.port's default) and the shop's DSN points. */
const localSentryPort = 8963;
/** The line of examples/shop that throws the TypeError, which the smoke run waits to see marked. */
const markedFile = 'src/cart.ts';
const markedCode = 'product!.priceCents';
/** The Chromium flags the e2e harness uses (test/e2e/harness/session.ts): no sandbox as root, no background connections. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function say(text) {
  console.log(`demo: ${text}`);
}

function fail(text, code = 1) {
  console.error(`demo: ${text}`);
  process.exit(code);
}

/** Builds and packages the extension (scripts/package.mjs); returns the .vsix path. */
function packageExtension() {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  say('building and packaging the extension…');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs')], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) fail(`packaging failed:\n${result.stdout}\n${result.stderr}`);
  return join(root, `${name}-${version}.vsix`);
}

/** Compiles the e2e harness's pieces the demo reuses into one CommonJS file and loads it. */
async function loadHarness() {
  const outfile = join(root, 'out-demo', 'harness.cjs');
  await esbuild.build({
    stdin: {
      contents: [
        "export { installVsix } from './codeServer';",
        "export { onEarlyExit } from './exitCleanup';",
        "export { e2eTools } from './paths';",
        "export { loadChromium } from './playwright';",
        "export { startProcessGroup } from './processGroup';",
        "export { writeUserSettings } from './userSettings';",
        "export { waitFor } from './wait';",
        "export { Workbench } from './workbench';",
      ].join('\n'),
      resolveDir: join(root, 'test', 'e2e', 'harness'),
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
  });
  return createRequire(import.meta.url)(outfile);
}

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port) {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const answer = (value) => {
      socket.destroy();
      done(value);
    };
    socket.once('connect', () => answer(true));
    socket.once('error', () => answer(false));
  });
}

/** Whether this process could listen on 127.0.0.1:port right now. */
function portFree(port) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/**
 * code-server's environment as the harness makes it (test/e2e/harness/codeServer.ts): Node 24 first on PATH (it
 * refuses older Node; the integrated terminal gets it too), home-folder state in the demo's temp dir, and no VSCODE_*
 * variables from an editor this demo may run in (they would turn code-server into a CLI client).
 */
function codeServerEnv(tools, homeDir) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VSCODE_') && key !== 'NODE_OPTIONS'),
  );
  return {
    ...env,
    PATH: `${dirname(tools.node)}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: join(homeDir, 'config'),
    XDG_DATA_HOME: join(homeDir, 'data'),
    XDG_CACHE_HOME: join(homeDir, 'cache'),
  };
}

/** The workbench address for a folder, readable: `?folder=/abs/path` with only unsafe characters escaped. */
function workbenchUrl(port, folder) {
  return `http://127.0.0.1:${port}/?folder=${folder.split('/').map(encodeURIComponent).join('/')}`;
}

/** Installs the .vsix into a fresh temp profile and starts code-server on examples/shop at 127.0.0.1:demoPort. */
async function startCodeServer(harness, vsix) {
  const tools = harness.e2eTools();
  const temp = mkdtempSync(join(tmpdir(), 'sentry-insight-demo-'));
  const dirs = {
    userDataDir: join(temp, 'user-data'),
    extensionsDir: join(temp, 'extensions'),
    homeDir: join(temp, 'home'),
    logFile: join(artifacts, 'demo.code-server.log'),
  };
  for (const dir of [dirs.userDataDir, dirs.extensionsDir, dirs.homeDir, artifacts])
    mkdirSync(dir, { recursive: true });
  rmSync(dirs.logFile, { force: true });
  // The harness's quiet defaults, the shop's README.md as the first thing shown, no Restricted Mode prompt, and no
  // "your application on port 8963 is available" toast when the extension's local Sentry starts.
  // Alerts are on, as for any user (the e2e harness turns them off by default).
  harness.writeUserSettings(dirs.userDataDir, {
    'workbench.startupEditor': 'readme',
    'security.workspace.trust.enabled': false,
    'remote.autoForwardPorts': false,
    'sentryInsight.alerts.enabled': true,
  });
  say('installing the extension into code-server…');
  harness.installVsix(tools, dirs, vsix);
  const args = [
    tools.codeServerEntry,
    '--config',
    join(dirs.homeDir, 'config.yaml'),
    '--user-data-dir',
    dirs.userDataDir,
    '--extensions-dir',
    dirs.extensionsDir,
    '--bind-addr',
    `127.0.0.1:${demoPort}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    shop,
  ];
  const group = harness.startProcessGroup(tools.node, args, {
    env: codeServerEnv(tools, dirs.homeDir),
    logFile: dirs.logFile,
    cwd: shop,
  });
  // After the group's own exit action (registered first, so it runs first): code-server is gone when its profile is removed.
  const forgetTemp = harness.onEarlyExit(() => rmSync(temp, { recursive: true, force: true }));
  let exited;
  void group.exited.then((status) => (exited = status));
  await harness.waitFor(
    async () => {
      if (exited !== undefined) throw new Error(`code-server exited (${exited}); its log: ${dirs.logFile}`);
      const health = await fetch(`http://127.0.0.1:${demoPort}/healthz`, { signal: AbortSignal.timeout(2000) }).catch(
        () => undefined,
      );
      return health?.ok ? true : undefined;
    },
    { what: `code-server to answer on 127.0.0.1:${demoPort}`, timeoutMs: 90_000, intervalMs: 250 },
  );
  const stop = async () => {
    await group.stop();
    forgetTemp();
    rmSync(temp, { recursive: true, force: true });
  };
  return { tools, url: workbenchUrl(demoPort, shop), logFile: dirs.logFile, exited: group.exited, stop };
}

function exampleCommand() {
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts ?? {};
  return scripts.example ? 'npm run example' : 'node examples/shop/run.mjs';
}

/** Serves the demo until Ctrl+C (the harness turns SIGINT into an exit that stops code-server and removes the temp dir). */
async function serveUntilStopped(harness, server) {
  harness.onEarlyExit(() => console.log('\ndemo: stopped code-server and removed its temporary profile.'));
  console.log(`
Sentry Insight demo: VS Code (code-server) with the extension, on examples/shop.

  Open ${server.url}

Once the page has loaded (the extension then starts its local Sentry on 127.0.0.1:${localSentryPort}), make the shop fail:
  - in VS Code: Terminal > Run Task… > "Run shop (sends errors to Sentry Insight)"
  - or in another terminal here: ${exampleCommand()}
and open src/cart.ts: the line that threw says "✖ 3 events · 2 users · TypeError: …"; hover it for the details.
On a remote machine, forward the port first: ssh -L ${demoPort}:127.0.0.1:${demoPort} <host>
Ctrl+C stops the demo.
`);
  const status = await server.exited;
  fail(`code-server stopped (${status}); its log: ${server.logFile}`);
}

/** Runs the shop once with its default DSN (the extension's local Sentry); resolves with its output. */
function runShop() {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [join(shop, 'run.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) done(output);
      else reject(new Error(`the shop exited with ${code}:\n${output}`));
    });
  });
}

/** 1-based line of `code` in an examples/shop file. */
function lineOf(file, code) {
  const index = readFileSync(join(shop, file), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(code));
  if (index < 0) throw new Error(`${file} no longer contains ${code}`);
  return index + 1;
}

/** The smoke run: the shop's TypeError must appear as a mark on its line in the open file, seen in Chromium. */
async function smokeTest(harness, server) {
  const browser = await harness
    .loadChromium(server.tools.playwrightCore)
    .launch({ executablePath: server.tools.chromium, headless: true, args: chromiumArgs, timeout: 60_000 });
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  page.setDefaultTimeout(20_000);
  const workbench = new harness.Workbench(page, artifacts, 'demo');
  try {
    await page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await workbench.waitUntilReady();
    // The README opens by itself (workbench.startupEditor), possibly late: once it has, it no longer takes the editor from src/cart.ts.
    await page
      .locator('.part.editor .tab')
      .filter({ hasText: 'README.md' })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await workbench.openFile(markedFile);
    say(`workbench ready; waiting for the extension's local Sentry on 127.0.0.1:${localSentryPort}…`);
    await harness.waitFor(async () => ((await listening(localSentryPort)) ? true : undefined), {
      what: `the extension to start its local Sentry on 127.0.0.1:${localSentryPort} (a workspace without Sentry settings should get one)`,
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    say('running the shop once…');
    process.stdout.write(await runShop());
    const line = lineOf(markedFile, markedCode);
    const marks = await harness.waitFor(
      async () => {
        const found = await workbench.afterLineDecorations();
        return found.some((mark) => mark.line === line && mark.text.startsWith('✖')) ? found : undefined;
      },
      { what: `the mark after ${markedFile}:${line}, where the shop's TypeError was raised`, timeoutMs: 30_000 },
    );
    say(`marked: ${JSON.stringify(marks.filter((mark) => mark.line === line))}`);
    say(`screenshot: ${await workbench.screenshot()}`);
    return 0;
  } catch (error) {
    const screenshot = await workbench.screenshot('failure').catch(() => '(none)');
    console.error(
      `demo: smoke run failed: ${error instanceof Error ? error.message : String(error)}\n      screenshot: ${screenshot}; code-server log: ${server.logFile}`,
    );
    return 1;
  } finally {
    await browser.close().catch(() => undefined);
  }
}

async function main() {
  if (!Number.isInteger(demoPort) || demoPort <= 0 || demoPort > 65_535)
    fail(`DEMO_PORT must be a port number, not "${process.env.DEMO_PORT}"`, 2);
  if (!(await portFree(demoPort)))
    fail(`127.0.0.1:${demoPort} is in use; pick another port: DEMO_PORT=${demoPort + 1} npm run demo`, 2);
  if (await listening(localSentryPort)) {
    const warning = `something already listens on 127.0.0.1:${localSentryPort} (a \`sentry-insight serve\`, or another editor with Sentry Insight): the shop's errors go there, not to this demo's editor`;
    if (smoke) fail(warning);
    say(`warning: ${warning}`);
  }
  const toolingProblem = ensureE2eTooling();
  if (toolingProblem) fail(toolingProblem, 2);
  const vsix = packageExtension();
  const harness = await loadHarness();
  const server = await startCodeServer(harness, vsix);
  if (!smoke) return serveUntilStopped(harness, server);
  const status = await smokeTest(harness, server);
  await server.stop();
  process.exit(status);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
