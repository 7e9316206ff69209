// The real @sentry/browser SDK in headless Chromium: a minified bundle with a source map, served from a localhost page,
// posts its errors to the local server across origins (CORS); the frames are symbolicated through the workspace's map so
// that each error is marked at its original line. Skipped when Chromium or playwright-core (test/e2e/node_modules) is
// not installed.
import assert from 'node:assert/strict';
import { buildSync } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { silentLogger } from '../../../../src/core/log';
import { loadWorkspaceIssues } from '../../../../src/core/session/loadWorkspaceIssues';
import { findRepoRoot } from '../../../support/fakeSentry/repoRoot';

interface BrowserPage {
  goto(url: string): Promise<unknown>;
  waitForFunction(body: string, arg?: unknown, options?: { timeout?: number }): Promise<unknown>;
}
interface Browser {
  newPage(): Promise<BrowserPage>;
  close(): Promise<void>;
}
interface Chromium {
  launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser>;
}

const repoRoot = findRepoRoot();
const chromiumPath = '/usr/bin/chromium';
const playwrightDir = join(repoRoot, 'test', 'e2e', 'node_modules', 'playwright-core');
const available = existsSync(chromiumPath) && existsSync(join(playwrightDir, 'package.json'));

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'storefront', version: '2.0.0', private: true }),
  'src/cart.js': `// Cart rules, bundled and minified for the page.
export function computeTotal(cart) {
  if (cart.items.length === 0) {
    throw new TypeError('cart ' + cart.id + ' is empty');
  }
  return cart.items.length;
}
`,
  'src/checkout.js': `import { computeTotal } from './cart';

export function checkout(cart) {
  const total = computeTotal(cart);
  return { total, at: Date.now() };
}
`,
  'src/main.js': `import * as Sentry from '@sentry/browser';
import { checkout } from './checkout';

Sentry.init({ dsn: window.DSN, release: 'storefront@2.0.0', environment: 'development', defaultIntegrations: false, integrations: [Sentry.globalHandlersIntegration()] });
Sentry.setUser({ id: 'browser-user' });
for (const id of [1, 2]) {
  try {
    checkout({ id, items: [] });
  } catch (error) {
    Sentry.captureException(error);
  }
}
Sentry.flush(10000).then((sent) => (window.DONE = sent ? 'sent' : 'not sent'));
`,
};
const THROW_LINE = 4;

function servePage(root: string, dsn: string): Promise<Server> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html' };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(
        `<!doctype html><script>window.DSN = ${JSON.stringify(dsn)};</script><script src="/dist/bundle.js"></script>`,
      );
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe(
  '@sentry/browser in headless Chromium against the local server',
  { skip: available ? false : 'Chromium or test/e2e/node_modules/playwright-core is not installed' },
  () => {
    let workspace: string;
    let sentry: LocalSentry;
    let page: Server;
    let browser: Browser;

    before(async () => {
      workspace = realpathSync(mkdtempSync(join(tmpdir(), 'local-browser-app-')));
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(workspace, file)), { recursive: true });
        writeFileSync(join(workspace, file), text);
      }
      buildSync({
        entryPoints: [join(workspace, 'src/main.js')],
        bundle: true,
        minify: true,
        sourcemap: 'linked',
        format: 'iife',
        platform: 'browser',
        outfile: join(workspace, 'dist/bundle.js'),
        nodePaths: [join(repoRoot, 'node_modules')],
        logLevel: 'silent',
      });
      sentry = await startLocalSentry({ workspaceFolders: [{ name: 'storefront', path: workspace }] });
      page = await servePage(workspace, sentry.dsn('5', 'browserkey'));
      const chromium = (createRequire(join(playwrightDir, 'package.json'))('playwright-core') as { chromium: Chromium })
        .chromium;
      browser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu'],
      });
    });
    after(async () => {
      await browser?.close();
      await new Promise<void>((resolve) => (page ? page.close(() => resolve()) : resolve()));
      await sentry?.close();
      rmSync(workspace, { recursive: true, force: true });
    });

    test('marks the minified bundle’s error at its original line, grouped, with its counts', async () => {
      const tab = await browser.newPage();
      await tab.goto(`http://localhost:${(page.address() as AddressInfo).port}/`);
      await tab.waitForFunction('window.DONE !== undefined', undefined, { timeout: 30_000 });
      const client = await SentryClient.detect({ baseUrl: sentry.url, log: silentLogger });
      try {
        const loaded = await loadWorkspaceIssues(client, {
          org: 'local',
          project: '5',
          folder: { name: 'storefront', path: workspace },
          env: {},
          log: silentLogger,
        });
        assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
        assert.equal(loaded.value.issues.length, 1, 'both errors are one issue');
        const raised = loaded.value.index.allHits().find((hit) => hit.role === 'raised');
        assert.deepEqual(
          [raised?.file, raised?.line, raised?.count, raised?.userCount],
          ['src/cart.js', THROW_LINE, 2, 1],
        );
        const event = loaded.value.events.get(loaded.value.issues[0]?.id ?? '');
        const exception = event?.entries.find((entry) => entry.type === 'exception')?.data as {
          values: Array<{
            stacktrace: { frames: Array<Record<string, unknown>> };
            rawStacktrace: { frames: Array<Record<string, unknown>> } | null;
          }>;
        };
        const frames = exception.values[0]?.stacktrace.frames ?? [];
        assert.equal(frames[frames.length - 1]?.['function'], 'computeTotal', 'the original function name');
        assert.match(
          String(exception.values[0]?.rawStacktrace?.frames.at(-1)?.['filename']),
          /\/dist\/bundle\.js$/,
          'the minified frames are kept',
        );
      } finally {
        await client.close();
      }
    });
  },
);
