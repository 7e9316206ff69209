// Source maps uploaded with the real `sentry-cli sourcemaps inject` + `upload` symbolicate events on the local server
// when the maps are not in the workspace (a bundle built elsewhere, as in CI): by the script's URL, and by debug ID when
// the URL names nothing uploaded; the bundle survives a restart.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { envelopePath, eventEnvelope, send } from './localHttp';
import { runSentryCli } from './sentryCliRun';

const CART = `// Cart rules.
export function cartTotal(items: number[]): number {
  if (items.length === 0) {
    throw new TypeError('the cart is empty');
  }
  return items.reduce((sum, price) => sum + price, 0);
}
`;
const MAIN = `import { cartTotal } from './cart';
try {
  cartTotal([]);
} catch (error) {
  console.log((error as Error).stack);
}
`;
/** 1-based line of the throw in src/cart.ts. */
const THROW_LINE = 4;

interface CiBuild {
  readonly directory: string;
  readonly debugId: string;
  /** Line and column of the throw in the minified bundle, as V8 reports them. */
  readonly line: number;
  readonly column: number;
}

/** Builds the app outside the workspace (as CI does), injects debug IDs with sentry-cli, runs it for a real position. */
async function ciBuild(workspace: string, serverUrl: string): Promise<CiBuild> {
  const directory = realpathSync(mkdtempSync(join(tmpdir(), 'local-uploads-ci-')));
  const script = join(directory, 'assets', 'app.js');
  await build({
    entryPoints: [join(workspace, 'src', 'main.ts')],
    bundle: true,
    minify: true,
    sourcemap: true,
    platform: 'node',
    format: 'cjs',
    outfile: script,
    logLevel: 'silent',
  });
  const injected = await runSentryCli(serverUrl, ['sourcemaps', 'inject', directory]);
  assert.equal(injected.code, 0, injected.stderr);
  const debugId = /\/\/# debugId=([0-9a-f-]+)/.exec(readFileSync(script, 'utf8'))?.[1];
  assert.ok(debugId, 'sentry-cli injected a debug ID');
  const stack = execFileSync(process.execPath, [script], { encoding: 'utf8' });
  const position = /app\.js:(\d+):(\d+)/.exec(stack);
  assert.ok(position, stack);
  return { directory, debugId, line: Number(position[1]), column: Number(position[2]) };
}

function minifiedEvent(
  n: number,
  absPath: string,
  built: CiBuild,
  debugImages: unknown[] = [],
): Record<string, unknown> {
  return {
    event_id: n.toString(16).padStart(32, 'e'),
    platform: 'javascript',
    exception: {
      values: [
        {
          type: 'TypeError',
          value: 'the cart is empty',
          stacktrace: {
            frames: [
              {
                abs_path: absPath,
                filename: absPath,
                function: 'r',
                lineno: built.line,
                colno: built.column,
                in_app: true,
              },
            ],
          },
        },
      ],
    },
    debug_meta: { images: debugImages },
  };
}

describe('sentry-cli sourcemaps upload against the local server', () => {
  let workspace: string;
  let storeDir: string;
  let server: LocalSentry;
  let built: CiBuild;

  const start = (): Promise<LocalSentry> =>
    startLocalSentry({ storeDirectory: storeDir, workspaceFolders: [{ name: 'shop', path: workspace }] });
  async function raisedFrame(
    n: number,
    absPath: string,
    images: unknown[] = [],
  ): Promise<{ filename: string; lineNo: number; function: string | null }> {
    const answer = await send(server.port, {
      path: envelopePath('1'),
      body: eventEnvelope(minifiedEvent(n, absPath, built, images)),
    });
    assert.equal(answer.status, 200, answer.text);
    const event = (
      await send(server.port, {
        method: 'GET',
        path: `/api/0/projects/local/1/events/${n.toString(16).padStart(32, 'e')}/`,
      })
    ).json() as {
      entries: Array<{
        type: string;
        data: {
          values: Array<{
            stacktrace: { frames: Array<{ filename: string; lineNo: number; function: string | null }> };
          }>;
        };
      }>;
    };
    const frames = event.entries.find((entry) => entry.type === 'exception')?.data.values[0]?.stacktrace.frames ?? [];
    const frame = frames[frames.length - 1];
    assert.ok(frame);
    return frame;
  }

  before(async () => {
    workspace = realpathSync(mkdtempSync(join(tmpdir(), 'local-uploads-ws-')));
    mkdirSync(join(workspace, 'src'));
    writeFileSync(join(workspace, 'src', 'cart.ts'), CART);
    writeFileSync(join(workspace, 'src', 'main.ts'), MAIN);
    storeDir = mkdtempSync(join(tmpdir(), 'local-uploads-store-'));
    server = await start();
    built = await ciBuild(workspace, server.url);
  });
  after(async () => {
    await server.close();
    for (const dir of [workspace, storeDir, built.directory]) rmSync(dir, { recursive: true, force: true });
  });

  test('without an upload, the minified frame stays as sent', async () => {
    const frame = await raisedFrame(1, 'http://localhost:5173/assets/app.js');
    assert.notEqual(frame.filename, 'src/cart.ts');
  });

  test('refuses an upload from a sentry-cli without the local token', async () => {
    const refused = await runSentryCli(server.url, ['sourcemaps', 'upload', built.directory], {
      token: 'not-the-local-token',
    });
    assert.notEqual(refused.code, 0, refused.stdout);
    assert.notEqual(
      (await raisedFrame(9, 'http://localhost:5173/assets/app.js')).filename,
      'src/cart.ts',
      'nothing was uploaded',
    );
  });

  test('uploads the bundle through chunk-upload and artifact-bundle assembly', async () => {
    const uploaded = await runSentryCli(server.url, ['sourcemaps', 'upload', built.directory], {
      token: server.apiToken,
    });
    assert.equal(uploaded.code, 0, uploaded.stderr);
    assert.match(uploaded.stdout + uploaded.stderr, /app\.js\.map/);
  });

  test('symbolicates a browser frame by its URL to the workspace line that raised it', async () => {
    const frame = await raisedFrame(2, 'http://localhost:5173/assets/app.js');
    assert.deepEqual([frame.filename, frame.lineNo], ['src/cart.ts', THROW_LINE]);
  });

  test('symbolicates by debug ID when the URL names nothing uploaded', async () => {
    const elsewhere = 'https://cdn.example.com/build-7/bundle.min.js';
    const frame = await raisedFrame(3, elsewhere, [
      { type: 'sourcemap', code_file: elsewhere, debug_id: built.debugId },
    ]);
    assert.deepEqual([frame.filename, frame.lineNo], ['src/cart.ts', THROW_LINE]);
  });

  test('keeps the uploaded bundle across a restart', async () => {
    await server.close();
    server = await start();
    const frame = await raisedFrame(4, 'http://localhost:5173/assets/app.js');
    assert.deepEqual([frame.filename, frame.lineNo], ['src/cart.ts', THROW_LINE]);
  });

  test('refuses a chunk whose bytes do not match its checksum and reports missing chunks at assembly', async () => {
    const boundary = 'XyZ';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${'0'.repeat(40)}"\r\nContent-Type: application/octet-stream\r\n\r\nnot it\r\n--${boundary}--\r\n`;
    const chunk = await send(server.port, {
      path: '/api/0/organizations/local/chunk-upload/',
      headers: {
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        Authorization: `Bearer ${server.apiToken}`,
      },
      body,
    });
    assert.equal(chunk.status, 400);
    const assemble = await send(server.port, {
      path: '/api/0/organizations/local/artifactbundle/assemble/',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.apiToken}` },
      body: JSON.stringify({ checksum: '1'.repeat(40), chunks: ['2'.repeat(40)], projects: ['1'] }),
    });
    assert.deepEqual(assemble.json(), { state: 'not_found', missingChunks: ['2'.repeat(40)], detail: null });
  });
});
