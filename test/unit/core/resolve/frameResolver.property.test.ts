// Properties of the resolver over hostile frames: it never lands outside the workspace and always answers the same.
import assert from 'node:assert/strict';
import { realpathSync, symlinkSync } from 'node:fs';
import { join, sep } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import type { ResolvedLocation, SourceFrame } from '../../../../src/core/resolve/frame';
import { FrameResolver } from '../../../../src/core/resolve/frameResolver';
import { WorkspaceFileIndex } from '../../../../src/core/resolve/workspaceFileIndex';
import { createTempWorkspace } from './tempWorkspace';
import { propertyRuns } from '../../../support/propertyRuns';

const workspace = createTempWorkspace('resolve-property');
after(() => workspace.remove());

const lines = Array.from({ length: 60 }, (_, index) => `line ${index % 7}`).join('\n');
const workspacePaths = [
  'src/a.ts',
  'web/src/a.ts',
  'web/src/cart.ts',
  'errors/views.py',
  'errors/__init__.py',
  'com/example/Main.java',
  'dist/a.js',
  'lib/src/cart.ts',
];
for (const path of workspacePaths) workspace.write(path, lines);
const outsideFile = workspace.writeOutside('src/a.ts', 'secret\n'.repeat(30));
workspace.writeOutside('secret.ts', 'secret\n'.repeat(30));
symlinkSync(outsideFile, join(workspace.folder.path, 'src/evil.ts'));
symlinkSync(join(workspace.root, 'outside'), join(workspace.folder.path, 'linked'));
const indexedPaths = [...workspacePaths, 'src/evil.ts', 'linked/secret.ts'];
const realFolder = realpathSync(workspace.folder.path);

const piece = fc.constantFrom(
  '../',
  '..\\',
  '/',
  'src/',
  'web/',
  'a.ts',
  'cart.ts',
  'evil.ts',
  'secret.ts',
  'linked/',
  'outside/',
  'errors/',
  'views.py',
  'dist/',
  'a.js',
  'file://',
  'webpack://ns/./',
  'app:///',
  'http://h:1/',
  'C:\\',
  '%2e%2e/',
  '~/',
  '?q',
  '#f',
  'node_modules/',
  '<anonymous>',
  workspace.root,
  `${workspace.root}/outside/`,
);
const hostilePath = fc.oneof(
  fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join('')),
  fc.string({ maxLength: 20 }),
);
const contextLine: fc.Arbitrary<readonly [number, string | null]> = fc.tuple(
  fc.integer({ min: 1, max: 40 }),
  fc.option(fc.constantFrom('line 1', 'line 3', '', 'other'), { nil: null }),
);
const hostileFrame: fc.Arbitrary<SourceFrame> = fc.record({
  filename: fc.option(hostilePath),
  absPath: fc.option(hostilePath),
  module: fc.option(
    fc.constantFrom('errors', 'errors.views', 'com.example.Main$1', '..etc', 'a.b.c', 'outside.secret'),
  ),
  lineNo: fc.option(fc.integer({ min: -2, max: 70 })),
  colNo: fc.option(fc.integer({ min: 0, max: 40 })),
  platform: fc.option(fc.constantFrom('python', 'java', 'javascript', 'other')),
  context: fc.option(fc.array(contextLine, { maxLength: 4 })),
});
const hostileRules = {
  pathMappings: [
    { stackRoot: '/', sourceRoot: '../../' },
    { stackRoot: 'src/', sourceRoot: '../outside/src/' },
  ],
  codeMappings: [
    { stackRoot: '', sourceRoot: '../' },
    { stackRoot: 'app:///', sourceRoot: 'linked/' },
  ],
};

function resolverFor(paths: readonly string[]): FrameResolver {
  const files = WorkspaceFileIndex.fromPaths(
    [workspace.folder],
    paths.map((path) => ({ folder: workspace.folder, path })),
  );
  return new FrameResolver({ folders: [workspace.folder], files, ...hostileRules });
}

function assertInsideWorkspace(location: ResolvedLocation): void {
  assert.equal(location.folder, workspace.folder);
  assert.ok(!location.file.startsWith('/'), location.file);
  assert.ok(
    location.file.split('/').every((segment) => segment !== '..' && segment !== '.' && segment !== ''),
    location.file,
  );
  assert.ok(realpathSync(join(location.folder.path, location.file)).startsWith(realFolder + sep), location.file);
  assert.ok(Number.isInteger(location.line) && location.line >= 1);
}

test('no hostile frame resolves outside the workspace folder', async () => {
  const resolver = resolverFor(indexedPaths);
  await fc.assert(
    fc.asyncProperty(hostileFrame, async (frame) => {
      const location = await resolver.resolve(frame);
      if (location !== undefined) assertInsideWorkspace(location);
    }),
    { numRuns: propertyRuns(400) },
  );
});

test('resolution is deterministic and independent of the order files were indexed in', async () => {
  const reference = resolverFor(indexedPaths);
  await fc.assert(
    fc.asyncProperty(
      hostileFrame,
      fc.shuffledSubarray(indexedPaths, { minLength: indexedPaths.length }),
      async (frame, order) => {
        const first = await reference.resolve(frame);
        assert.deepEqual(await reference.resolve(frame), first);
        assert.deepEqual(await resolverFor(order).resolve(frame), first);
      },
    ),
    { numRuns: propertyRuns(300) },
  );
});

test('the hostile generator does reach workspace files, so the properties above are not vacuous', async () => {
  const resolver = resolverFor(indexedPaths);
  const samples = fc.sample(hostileFrame, { numRuns: 400, seed: 42 });
  const resolved = (await Promise.all(samples.map((frame) => resolver.resolve(frame)))).filter(
    (location) => location !== undefined,
  );
  assert.ok(resolved.length >= 20, `only ${resolved.length} of 400 sample frames resolved`);
});
