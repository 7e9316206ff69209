// Compiled and minified frames: source maps built by esbuild lead back to the original TypeScript in the workspace.
import assert from 'node:assert/strict';
import { readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildSync } from 'esbuild';
import type { ResolvedLocation, SourceFrame } from '../../../../src/core/resolve/frame';
import { FrameResolver, type FrameContext } from '../../../../src/core/resolve/frameResolver';
import { WorkspaceFileIndex } from '../../../../src/core/resolve/workspaceFileIndex';
import { minifiedBundleFrame } from './exampleFrames';
import { createTempWorkspace, type TempWorkspace } from './tempWorkspace';

const serverSource = [
  'export function handle(input: number): number {',
  '  if (input < 0) {',
  "    throw new Error('negative input');",
  '  }',
  '  return input * 2;',
  '}',
  '',
].join('\n');
const browserSource = [
  "import { init } from './sentry';",
  '',
  "init({ dsn: 'http://key@127.0.0.1:8000/4', release: '1.0' });",
  '',
  "const foo: string = 'bar';",
  "throw Error('this is an error');",
  'console.log(foo);',
  '',
].join('\n');
const sentryStub = [
  'export function init(options: { dsn: string; release: string }): void {',
  '  (globalThis as { sentry?: unknown }).sentry = options;',
  '}',
  '',
].join('\n');

/** 1-based line and column of the first occurrence of `needle` in the compiled text. */
function generatedPosition(compiled: string, needle: string): { lineNo: number; colNo: number } {
  const lines = compiled.split('\n');
  for (const [index, line] of lines.entries()) {
    const column = line.indexOf(needle);
    if (column >= 0) return { lineNo: index + 1, colNo: column + 1 };
  }
  throw new Error(`${needle} not found in the compiled output`);
}

function summary(location: ResolvedLocation | undefined): string | undefined {
  return location === undefined
    ? undefined
    : `${location.file}:${location.line} via ${location.via}${location.stale ? ' stale' : ''}`;
}

async function resolveIn(
  workspace: TempWorkspace,
  frame: SourceFrame,
  context?: FrameContext,
): Promise<ResolvedLocation | undefined> {
  const files = await WorkspaceFileIndex.build([workspace.folder]);
  return new FrameResolver({ folders: [workspace.folder], files }).resolve(frame, context);
}

function buildServer(
  workspace: TempWorkspace,
  sourcemap: 'linked' | 'inline' | 'external',
  outfile = 'dist/server.js',
): string {
  workspace.write('src/server.ts', serverSource);
  buildSync({
    entryPoints: [join(workspace.folder.path, 'src/server.ts')],
    outfile: join(workspace.folder.path, outfile),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    sourcemap,
    logLevel: 'silent',
  });
  return readFileSync(join(workspace.folder.path, outfile), 'utf8');
}

function serverFrame(compiled: string, filename = '/app/dist/server.js'): SourceFrame {
  return {
    filename,
    absPath: filename,
    function: 'handle',
    ...generatedPosition(compiled, 'throw new Error'),
    inApp: true,
    context: [],
  };
}

describe('compiled TypeScript in dist/ (esbuild output with a source map)', () => {
  const workspaces: TempWorkspace[] = [];
  const fresh = (): TempWorkspace => {
    const workspace = createTempWorkspace('resolve-maps');
    workspaces.push(workspace);
    return workspace;
  };
  after(() => workspaces.forEach((workspace) => workspace.remove()));

  test('maps a Node frame in dist/server.js through the linked .map to src/server.ts', async () => {
    const workspace = fresh();
    const compiled = buildServer(workspace, 'linked');
    const location = await resolveIn(workspace, serverFrame(compiled));
    assert.equal(summary(location), 'src/server.ts:3 via sourceMap');
    assert.equal(location?.column, 5);
  });

  test('reads an inline data: URL map', async () => {
    const workspace = fresh();
    const compiled = buildServer(workspace, 'inline');
    assert.match(compiled, /sourceMappingURL=data:application\/json;base64,/);
    assert.equal(summary(await resolveIn(workspace, serverFrame(compiled))), 'src/server.ts:3 via sourceMap');
  });

  test('finds <file>.map beside a script that has no sourceMappingURL comment', async () => {
    const workspace = fresh();
    const compiled = buildServer(workspace, 'external');
    assert.doesNotMatch(compiled, /sourceMappingURL/);
    assert.equal(summary(await resolveIn(workspace, serverFrame(compiled))), 'src/server.ts:3 via sourceMap');
  });

  test('keeps the compiled location when the original source is not in the workspace', async () => {
    const workspace = fresh();
    const compiled = buildServer(workspace, 'linked');
    rmSync(join(workspace.folder.path, 'src'), { recursive: true });
    const frame = serverFrame(compiled);
    assert.equal(summary(await resolveIn(workspace, frame)), `dist/server.js:${frame.lineNo} via path`);
  });

  test('does not read a source map outside the workspace, even through a symlink', async () => {
    const workspace = fresh();
    const compiled = buildServer(workspace, 'external');
    const mapPath = join(workspace.folder.path, 'dist/server.js.map');
    const outsideMap = workspace.writeOutside('server.js.map', readFileSync(mapPath, 'utf8'));
    rmSync(mapPath);
    symlinkSync(outsideMap, mapPath);
    const frame = serverFrame(compiled);
    assert.equal(summary(await resolveIn(workspace, frame)), `dist/server.js:${frame.lineNo} via path`);

    rmSync(mapPath);
    writeFileSync(
      join(workspace.folder.path, 'dist/server.js'),
      `${compiled}\n//# sourceMappingURL=../../outside/server.js.map\n`,
    );
    assert.equal(summary(await resolveIn(workspace, frame)), `dist/server.js:${frame.lineNo} via path`);
  });

  test('drops a frame whose original source is a dependency in node_modules', async () => {
    const workspace = fresh();
    workspace.write(
      'node_modules/dep/index.js',
      "exports.fail = function fail() { throw new Error('from the dependency'); };\n",
    );
    workspace.write('src/main.ts', "import { fail } from 'dep';\nfail();\n");
    buildSync({
      entryPoints: [join(workspace.folder.path, 'src/main.ts')],
      outfile: join(workspace.folder.path, 'dist/main.js'),
      bundle: true,
      platform: 'node',
      sourcemap: true,
      logLevel: 'silent',
    });
    const compiled = readFileSync(join(workspace.folder.path, 'dist/main.js'), 'utf8');
    const frame: SourceFrame = {
      filename: '/app/dist/main.js',
      ...generatedPosition(compiled, 'throw new Error'),
      context: [],
    };
    assert.equal(await resolveIn(workspace, frame), undefined);
  });
});

describe('minified browser bundle (esbuild --minify --sourcemap)', () => {
  const workspace = createTempWorkspace('resolve-bundle');
  after(() => workspace.remove());
  workspace.write('src/index.ts', browserSource);
  workspace.write('src/sentry.ts', sentryStub);
  buildSync({
    entryPoints: [join(workspace.folder.path, 'src/index.ts')],
    outfile: join(workspace.folder.path, 'dist/bundle.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    sourcemap: true,
    logLevel: 'silent',
  });
  const bundle = readFileSync(join(workspace.folder.path, 'dist/bundle.js'), 'utf8');
  const thrown = generatedPosition(bundle, 'Error("this is an error")');
  // The shape of the reference event's rawStacktrace frame, at this bundle's position of the throw.
  const frame: SourceFrame = { ...minifiedBundleFrame, ...thrown, context: [] };

  test('maps http://localhost:8080/dist/bundle.js to the throw in src/index.ts', async () => {
    const location = await resolveIn(workspace, frame);
    assert.equal(summary(location), 'src/index.ts:6 via sourceMap');
    assert.equal(location?.folder.path, workspace.folder.path);
  });

  test('checks the compiled line against the event context, {snip} and all', async () => {
    const line = bundle.split('\n')[thrown.lineNo - 1] ?? '';
    const snipped = `{snip} ${line.slice(Math.max(0, thrown.colNo - 40), thrown.colNo + 30)} {snip}`;
    const withContext: SourceFrame = { ...frame, context: [[thrown.lineNo, snipped]] };
    assert.equal(summary(await resolveIn(workspace, withContext)), 'src/index.ts:6 via sourceMap');
    const otherBuild: SourceFrame = {
      ...frame,
      context: [[thrown.lineNo, '{snip} throw new Error("from another build") {snip}']],
    };
    assert.equal(summary(await resolveIn(workspace, otherBuild)), 'src/index.ts:6 via sourceMap stale');
  });
});

describe('Sentry debug IDs', () => {
  const debugId = 'c3a6ec5a-5d3b-4b55-9d0b-0c7e0cbd5f4e';
  const workspaces: TempWorkspace[] = [];
  after(() => workspaces.forEach((workspace) => workspace.remove()));

  /** esbuild's map for dist/app.js moved away from the script and tagged with a debug ID, as Sentry's tooling does. */
  function buildTagged(key: 'debugId' | 'debug_id'): { workspace: TempWorkspace; compiled: string } {
    const workspace = createTempWorkspace('resolve-debugid');
    workspaces.push(workspace);
    const compiled = buildServer(workspace, 'external', 'dist/app.js');
    const mapPath = join(workspace.folder.path, 'dist/app.js.map');
    const map: Record<string, unknown> = JSON.parse(readFileSync(mapPath, 'utf8'));
    map[key] = key === 'debugId' ? debugId : debugId.toUpperCase();
    workspace.write('sourcemaps/3f2a.map', JSON.stringify(map));
    rmSync(mapPath);
    return { workspace, compiled };
  }

  test('follows an event debug image to the workspace map carrying its debugId, for a script deployed under another name', async () => {
    const { workspace, compiled } = buildTagged('debugId');
    const frame = serverFrame(compiled, 'https://cdn.example.com/assets/app-3f2a.js');
    const context: FrameContext = {
      platform: 'javascript',
      debugImages: [{ codeFile: 'https://cdn.example.com/assets/app-3f2a.js', debugId }],
    };
    assert.equal(summary(await resolveIn(workspace, frame, context)), 'src/server.ts:3 via sourceMap');
    assert.equal(await resolveIn(workspace, frame, { platform: 'javascript' }), undefined);
  });

  test('matches debug_id keys and IDs regardless of case, for a script found by path', async () => {
    const { workspace, compiled } = buildTagged('debug_id');
    const frame = serverFrame(compiled, 'app:///dist/app.js');
    const context: FrameContext = { debugImages: [{ codeFile: 'app:///dist/app.js', debugId }] };
    assert.equal(summary(await resolveIn(workspace, frame, context)), 'src/server.ts:3 via sourceMap');
  });

  test("uses the script's own //# debugId= comment", async () => {
    const { workspace, compiled } = buildTagged('debugId');
    writeFileSync(join(workspace.folder.path, 'dist/app.js'), `${compiled}//# debugId=${debugId}\n`);
    assert.equal(
      summary(await resolveIn(workspace, serverFrame(compiled, 'app:///dist/app.js'))),
      'src/server.ts:3 via sourceMap',
    );
  });
});

describe('the bundled Cloudflare Worker (index.js, /index.js)', () => {
  const workspace = createTempWorkspace('resolve-worker');
  after(() => workspace.remove());
  workspace.write('src/index.ts', serverSource);
  buildSync({
    entryPoints: [join(workspace.folder.path, 'src/index.ts')],
    outdir: join(workspace.folder.path, 'dist'),
    bundle: true,
    format: 'esm',
    sourcemap: true,
    logLevel: 'silent',
  });
  const compiled = readFileSync(join(workspace.folder.path, 'dist/index.js'), 'utf8');

  test('falls back to the worker bundle in dist/ and maps it to src/index.ts', async () => {
    const frame: SourceFrame = {
      filename: 'index.js',
      absPath: '/index.js',
      module: 'index',
      ...generatedPosition(compiled, 'throw new Error'),
      inApp: true,
      context: [],
    };
    assert.equal(
      summary(await resolveIn(workspace, frame, { platform: 'javascript' })),
      'src/index.ts:3 via sourceMap',
    );
  });

  test('renaming the moved map away leaves the compiled location', async () => {
    renameSync(join(workspace.folder.path, 'dist/index.js.map'), join(workspace.folder.path, 'dist/index.map.bak'));
    const frame: SourceFrame = {
      filename: 'index.js',
      absPath: '/index.js',
      ...generatedPosition(compiled, 'throw new Error'),
      inApp: true,
      context: [],
    };
    assert.equal(summary(await resolveIn(workspace, frame)), `dist/index.js:${frame.lineNo} via path`);
  });
});
