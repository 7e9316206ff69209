// The source map loader parses each map once however many frames ask at once, and keeps parsed map files across
// loaders (workspace snapshots) that share a store, until the file changes on disk; a stack's frames share the lookups.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildSync } from 'esbuild';
import { apiFrameOf } from '../../../../src/core/local/process/apiFrame';
import { symbolicateStack } from '../../../../src/core/local/process/frameSymbolicator';
import { ingestFrameSchema } from '../../../../src/core/local/process/ingestEventSchema';
import { WorkspaceSources } from '../../../../src/core/local/process/workspaceSources';
import { silentLogger } from '../../../../src/core/log';
import { DebugIdIndex } from '../../../../src/core/resolve/debugIdIndex';
import { FrameResolver } from '../../../../src/core/resolve/frameResolver';
import { SourceMapLoader } from '../../../../src/core/resolve/sourceMapLoader';
import { SourceMapStore } from '../../../../src/core/resolve/sourceMapStore';
import { WatchedFileIndex } from '../../../../src/core/resolve/watchedFileIndex';
import { WorkspaceFileIndex } from '../../../../src/core/resolve/workspaceFileIndex';
import { WorkspaceFileReader } from '../../../../src/core/resolve/workspaceFileReader';
import { createTempWorkspace } from './tempWorkspace';

const workspace = createTempWorkspace('source-map-loader');
after(() => workspace.remove());
workspace.write('src/main.ts', 'export function run(): number {\n  throw new Error("boom");\n}\n');
const bundle = join(workspace.folder.path, 'dist/main.js');
buildSync({
  entryPoints: [join(workspace.folder.path, 'src/main.ts')],
  outfile: bundle,
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  format: 'cjs',
  logLevel: 'silent',
});
const script = { folder: workspace.folder, path: 'dist/main.js' };

/** A reader that counts how often each file is read whole, and how often a path is checked on disk. */
class CountingReader extends WorkspaceFileReader {
  readonly reads = new Map<string, number>();
  confines = 0;

  override confine(absolutePath: string): Promise<string | undefined> {
    this.confines++;
    return super.confine(absolutePath);
  }

  override readOnce(absolutePath: string): Promise<string | undefined> {
    this.reads.set(absolutePath, (this.reads.get(absolutePath) ?? 0) + 1);
    return super.readOnce(absolutePath);
  }
}

async function loaderWith(store: SourceMapStore): Promise<{ loader: SourceMapLoader; reader: CountingReader }> {
  const files = await WorkspaceFileIndex.build([workspace.folder]);
  const reader = new CountingReader([workspace.folder]);
  return { loader: new SourceMapLoader(reader, new DebugIdIndex(files, reader), undefined, store), reader };
}

async function mapOf(loader: SourceMapLoader, reader: WorkspaceFileReader) {
  const text = await reader.read(bundle);
  assert.ok(text, 'the bundle is readable');
  return loader.forScript(script, text, undefined);
}

describe('SourceMapLoader', () => {
  test('reads and parses a map once when 31 frames ask for it at the same time', async () => {
    const { loader, reader } = await loaderWith(new SourceMapStore());
    const maps = await Promise.all(Array.from({ length: 31 }, () => mapOf(loader, reader)));
    assert.ok(maps[0], 'the map is found');
    assert.ok(maps.every((map) => map === maps[0]));
    assert.equal(reader.reads.get(`${bundle}.map`), 1);
  });

  test('a new loader on the same store reuses the parsed map until the file changes', async () => {
    const store = new SourceMapStore();
    const first = await loaderWith(store);
    const original = await mapOf(first.loader, first.reader);
    const second = await loaderWith(store);
    assert.equal(await mapOf(second.loader, second.reader), original);
    assert.equal(second.reader.reads.get(`${bundle}.map`), undefined, 'not read again');

    const mapPath = `${bundle}.map`;
    const json = JSON.parse((await first.reader.readOnce(mapPath)) ?? '{}') as { sources: string[] };
    writeFileSync(
      mapPath,
      JSON.stringify({ ...json, sources: json.sources.map((source) => source.replace('main.ts', 'renamed.ts')) }),
    );
    const third = await loaderWith(store);
    const changed = await mapOf(third.loader, third.reader);
    assert.notEqual(changed, original);
    assert.ok(changed?.parsed.map.sources.some((source) => source?.includes('renamed.ts')));
  });

  test('a script rewritten to name another map is symbolicated through that map, not the comment read before', async () => {
    const store = new SourceMapStore();
    const first = await loaderWith(store);
    const original = await mapOf(first.loader, first.reader);
    const mapPath = `${bundle}.map`;
    const json = JSON.parse((await first.reader.readOnce(mapPath)) ?? '{}') as { sources: string[] };
    writeFileSync(
      join(workspace.folder.path, 'dist/other.js.map'),
      JSON.stringify({ ...json, sources: ['../src/other.ts'] }),
    );
    const scriptText = (await first.reader.readOnce(bundle)) ?? '';
    writeFileSync(bundle, scriptText.replace(/sourceMappingURL=\S+/, 'sourceMappingURL=other.js.map'));
    try {
      const second = await loaderWith(store);
      const other = await mapOf(second.loader, second.reader);
      assert.notEqual(other, original);
      assert.deepEqual(other?.parsed.map.sources, ['../src/other.ts']);
    } finally {
      writeFileSync(bundle, scriptText);
    }
  });
});

describe('symbolicateStack', () => {
  test('30 frames of one script find its map and their original file once', async () => {
    const files = await WorkspaceFileIndex.build([workspace.folder]);
    const reader = new CountingReader([workspace.folder]);
    const sourceMaps = new SourceMapLoader(reader, new DebugIdIndex(files, reader), undefined, new SourceMapStore());
    const resolver = new FrameResolver({ folders: [workspace.folder], files, reader, sourceMaps });
    const frame = apiFrameOf(
      ingestFrameSchema.parse({
        filename: bundle,
        abs_path: bundle,
        function: 'run',
        lineno: 1,
        colno: 1,
        in_app: true,
      }),
    );
    const stack = await symbolicateStack(
      Array.from({ length: 30 }, () => frame),
      {
        platform: 'node',
        debugImages: [],
        workspace: { version: '0', folders: [workspace.folder], files, reader, sourceMaps, resolver },
      },
    );
    // Mapped to the original (an earlier test renamed the map's source): the same file for every frame.
    assert.ok(
      stack.rawFrames !== null &&
        stack.frames.every(
          (mapped) => /^src\/\w+\.ts$/.test(mapped.filename ?? '') && mapped.filename === stack.frames[0]?.filename,
        ),
      JSON.stringify(stack.frames.map((mapped) => mapped.filename)),
    );
    // The script, its map, and the original source (by its path, then by suffix): once for the whole stack, not per frame.
    assert.ok(reader.confines <= 4, `${reader.confines} checks on disk`);
    assert.equal(reader.reads.get(`${bundle}.map`), 1);
  });
});

describe('the local server workspace', () => {
  test('keeps the parsed map from event to event, and parses it again once the watcher reports it changed', async () => {
    const watched = new WatchedFileIndex(workspace.folder, silentLogger);
    const sources = new WorkspaceSources({ indexes: [watched], log: silentLogger });
    const first = await sources.snapshot();
    const second = await sources.snapshot();
    assert.ok(first && second);
    const before = await mapOf(first.sourceMaps, first.reader);
    assert.ok(before);
    assert.equal(await mapOf(second.sourceMaps, second.reader), before);

    const mapPath = `${bundle}.map`;
    const json = JSON.parse((await first.reader.readOnce(mapPath)) ?? '{}') as { sources: string[] };
    writeFileSync(mapPath, JSON.stringify({ ...json, sources: json.sources.map((source) => `${source}.watched`) }));
    watched.changed(mapPath);
    const third = await sources.snapshot();
    assert.ok(third);
    const after = await mapOf(third.sourceMaps, third.reader);
    assert.ok(
      after?.parsed.map.sources.every((source) => source?.endsWith('.watched')),
      'the new map is used',
    );
    assert.equal(watched.wholeWalks, 1);
    sources.dispose();
  });
});
