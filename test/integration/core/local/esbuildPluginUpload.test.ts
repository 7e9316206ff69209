// The real @sentry/esbuild-plugin (with the sentry-cli 2.x it bundles) pointed at the local server: a build creates,
// finalizes and deploys its release and uploads its source maps, which then symbolicate the bundle's error by debug ID.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sentryEsbuildPlugin } from '@sentry/esbuild-plugin';
import { build } from 'esbuild';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { envelopePath, eventEnvelope, send } from './localHttp';

const CART = `// Cart rules.
export function cartTotal(items) {
  if (items.length === 0) {
    throw new TypeError('the cart is empty');
  }
  return items.length;
}
`;
const MAIN = `import { cartTotal } from './cart';
try {
  cartTotal([]);
} catch (error) {
  console.log(error.stack);
}
`;
const THROW_LINE = 4;
const VERSION = 'storefront@4.2.0';

describe('@sentry/esbuild-plugin against the local server', () => {
  let workspace: string;
  let output: string;
  let server: LocalSentry;

  before(async () => {
    workspace = realpathSync(mkdtempSync(join(tmpdir(), 'local-esbuild-ws-')));
    mkdirSync(join(workspace, 'src'));
    writeFileSync(join(workspace, 'src', 'cart.js'), CART);
    writeFileSync(join(workspace, 'src', 'main.js'), MAIN);
    output = realpathSync(mkdtempSync(join(tmpdir(), 'local-esbuild-out-')));
    server = await startLocalSentry({ workspaceFolders: [{ name: 'storefront', path: workspace }] });
    await build({
      entryPoints: [join(workspace, 'src', 'main.js')],
      bundle: true,
      minify: true,
      sourcemap: true,
      platform: 'node',
      outdir: join(output, 'assets'),
      logLevel: 'silent',
      plugins: [
        sentryEsbuildPlugin({
          org: 'local',
          project: '1',
          authToken: server.apiToken,
          url: server.url,
          telemetry: false,
          release: { name: VERSION, setCommits: false, finalize: true, deploy: { env: 'ci' } },
          sourcemaps: { assets: join(output, '**') },
        }),
      ],
    });
  });
  after(async () => {
    await server.close();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(output, { recursive: true, force: true });
  });

  test('creates, finalizes and deploys the build’s release', async () => {
    const release = (
      await send(server.port, { method: 'GET', path: `/api/0/organizations/local/releases/${VERSION}/` })
    ).json() as Record<string, unknown>;
    assert.equal(release['version'], VERSION);
    assert.equal(typeof release['dateReleased'], 'string');
    assert.deepEqual(
      [release['deployCount'], (release['lastDeploy'] as { environment: string } | null)?.environment],
      [1, 'ci'],
    );
  });

  test('uploads the maps, which symbolicate the bundle’s error by its debug ID', async () => {
    const script = join(output, 'assets', 'main.js');
    // The plugin's snippet registers the bundle's debug ID at run time: `_sentryDebugIds[stack] = "<uuid>"`.
    const debugId = /_sentryDebugIds\[[^\]]+\]\s*=\s*"([0-9a-f-]{36})"/.exec(readFileSync(script, 'utf8'))?.[1];
    assert.ok(debugId, 'the plugin injected a debug ID');
    const position = /main\.js:(\d+):(\d+)/.exec(execFileSync(process.execPath, [script], { encoding: 'utf8' }));
    assert.ok(position);
    const absPath = 'app:///dist/unknown.js';
    const event = {
      event_id: 'f'.repeat(32),
      platform: 'node',
      release: VERSION,
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
                  lineno: Number(position[1]),
                  colno: Number(position[2]),
                  in_app: true,
                },
              ],
            },
          },
        ],
      },
      debug_meta: { images: [{ type: 'sourcemap', code_file: absPath, debug_id: debugId }] },
    };
    assert.equal((await send(server.port, { path: envelopePath('1'), body: eventEnvelope(event) })).status, 200);
    const stored = (
      await send(server.port, { method: 'GET', path: `/api/0/projects/local/1/events/${'f'.repeat(32)}/` })
    ).json() as {
      entries: Array<{
        type: string;
        data: { values: Array<{ stacktrace: { frames: Array<{ filename: string; lineNo: number }> } }> };
      }>;
    };
    const frames = stored.entries.find((entry) => entry.type === 'exception')?.data.values[0]?.stacktrace.frames ?? [];
    assert.deepEqual([frames.at(-1)?.filename, frames.at(-1)?.lineNo], ['src/cart.js', THROW_LINE]);
  });
});
