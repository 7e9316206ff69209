// The frame resolver end to end on a workspace on disk: reference frames, rules, module paths, drift and confinement.
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { PathMapping, ResolvedLocation, SourceFrame } from '../../../../src/core/resolve/frame';
import { FrameResolver, type FrameContext } from '../../../../src/core/resolve/frameResolver';
import { WorkspaceFileIndex } from '../../../../src/core/resolve/workspaceFileIndex';
import {
  devServerFrame,
  nodeModulesFrame,
  pythonDjangoFrame,
  pythonViewFrame,
  pythonViewsSource,
  webpackSourceMappedFrame,
} from './exampleFrames';
import { createTempWorkspace } from './tempWorkspace';

const workspace = createTempWorkspace('resolve-frames');
after(() => workspace.remove());

const webIndexSource = [
  'import * as Sentry from "@sentry/browser";',
  '',
  'Sentry.init({"dsn": "http://a00ad5cad416418684270e433baf9c77@172.17.0.1:8000/4", "release": "1.0"});',
  '',
  'let foo = "bar";',
  'throw Error("this is an error");',
  'console.log(foo);',
  '',
].join('\n');
workspace.write('backend/errors/views.py', pythonViewsSource);
workspace.write('backend/errors/moved_views.py', `# header added after the release\n\n${pythonViewsSource}`);
workspace.write('backend/reports/__init__.py', 'def build():\n    raise ValueError("no data")\n');
workspace.write('backend/.venv/lib/python3.8/site-packages/django/core/handlers/base.py', 'x\n'.repeat(200));
workspace.write('backend/django/core/handlers/base.py', 'x\n'.repeat(200));
workspace.write('web/src/index.ts', webIndexSource);
workspace.write('web/node_modules/@sentry/browser/esm/helpers.js', 'x\n'.repeat(100));
workspace.write('web/polyfills.js', 'x\n'.repeat(2000));
workspace.write(
  'android/app/src/main/java/com/example/app/MainActivity.java',
  'class MainActivity {\n  void onCreate() {\n    crash();\n  }\n}\n',
);
workspace.write('android/other/src/main/java/com/other/MainActivity.java', 'class MainActivity {}\n'.repeat(5));
workspace.write('android/app/src/main/kotlin/com/example/app/Utils.kt', 'fun crash() {\n  error("boom")\n}\n');
workspace.write('services/api/errors/views.py', pythonViewsSource);
workspace.write('pkg/__init__.py', '');
workspace.write('web/dist/assets/app.js', 'console.log(1);\n'.repeat(21));
const secretPath = workspace.writeOutside('secret.ts', 'const secret = 1;\n'.repeat(10));
symlinkSync(secretPath, join(workspace.folder.path, 'web/src/secret.ts'));
symlinkSync(join(workspace.root, 'outside'), join(workspace.folder.path, 'web/linked'));

const files = WorkspaceFileIndex.build([workspace.folder]);

async function resolve(
  frame: SourceFrame,
  context?: FrameContext,
  rules: { pathMappings?: PathMapping[]; codeMappings?: PathMapping[] } = {},
): Promise<ResolvedLocation | undefined> {
  const resolver = new FrameResolver({ folders: [workspace.folder], files: await files, ...rules });
  return resolver.resolve(frame, context);
}

function summary(location: ResolvedLocation | undefined): string | undefined {
  if (location === undefined) return undefined;
  const flags = [location.moved ? 'moved' : '', location.stale ? 'stale' : ''].filter(Boolean).join(' ');
  return `${location.file}:${location.line} via ${location.via}${flags ? ` ${flags}` : ''}`;
}

describe('FrameResolver with the reference events', () => {
  test('resolves the Python view frame (errors/views.py) to its file in the workspace', async () => {
    const location = await resolve(pythonViewFrame, { platform: 'python' });
    assert.equal(summary(location), 'backend/errors/views.py:18 via path');
    assert.equal(location?.folder, workspace.folder);
    assert.equal(location?.column, undefined);
  });

  test('skips the Django frame under site-packages although a file of that name is in the workspace', async () => {
    assert.equal(await resolve(pythonDjangoFrame, { platform: 'python' }), undefined);
  });

  test('resolves the old-style webpack://ns/./src/index.ts frame and its current-Sentry form ./src/index.ts', async () => {
    assert.equal(
      summary(await resolve(webpackSourceMappedFrame, { platform: 'javascript' })),
      'web/src/index.ts:6 via path',
    );
    const current: SourceFrame = { ...webpackSourceMappedFrame, filename: './src/index.ts' };
    assert.equal(summary(await resolve(current)), 'web/src/index.ts:6 via path');
    assert.equal((await resolve(current))?.column, 13);
  });

  test('skips dependency frames, runtime internals and anonymous frames', async () => {
    assert.equal(await resolve(nodeModulesFrame), undefined);
    assert.equal(
      await resolve({
        filename: 'node:internal/process/task_queues',
        absPath: 'node:internal/process/task_queues',
        lineNo: 95,
      }),
      undefined,
    );
    assert.equal(await resolve({ filename: '<anonymous>', lineNo: 1 }), undefined);
    assert.equal(await resolve({ filename: '[native code]', lineNo: 1 }), undefined);
  });

  test('resolves the dev-server frame http://localhost:4201/polyfills.js', async () => {
    assert.equal(summary(await resolve(devServerFrame)), 'web/polyfills.js:1660 via path');
  });

  test('needs a line number', async () => {
    assert.equal(await resolve({ ...pythonViewFrame, lineNo: null }), undefined);
  });
});

describe('FrameResolver rules', () => {
  test("applies the user's path mapping before Sentry's code mappings", async () => {
    const codeMappings = [{ stackRoot: '/code/', sourceRoot: 'backend/' }];
    const pathMappings = [{ stackRoot: '/code/', sourceRoot: 'services/api/' }];
    const frame: SourceFrame = { ...pythonViewFrame, filename: null };
    assert.equal(summary(await resolve(frame, {}, { codeMappings })), 'backend/errors/views.py:18 via codeMapping');
    assert.equal(
      summary(await resolve(frame, {}, { codeMappings, pathMappings })),
      'services/api/errors/views.py:18 via pathMapping',
    );
  });

  test('goes on to the next rule when a mapped path is not in the workspace', async () => {
    const pathMappings = [{ stackRoot: '/code/', sourceRoot: 'missing/' }];
    assert.equal(
      summary(await resolve({ ...pythonViewFrame, filename: null }, {}, { pathMappings })),
      'backend/errors/views.py:18 via path',
    );
  });

  test('uses the Python module when the file name does not resolve, including a package __init__.py', async () => {
    const frame: SourceFrame = { ...pythonViewFrame, filename: '<string>', absPath: null };
    assert.equal(summary(await resolve(frame, { platform: 'python' })), 'backend/errors/views.py:18 via module');
    const packageFrame: SourceFrame = {
      module: 'reports',
      filename: null,
      lineNo: 2,
      context: [[2, '    raise ValueError("no data")']],
    };
    assert.equal(
      summary(await resolve(packageFrame, { platform: 'python' })),
      'backend/reports/__init__.py:2 via module',
    );
  });

  test('picks the JVM file by its package path when the file name alone is ambiguous', async () => {
    const frame: SourceFrame = {
      filename: 'MainActivity.java',
      absPath: 'MainActivity.java',
      module: 'com.example.app.MainActivity$Inner',
      lineNo: 3,
    };
    assert.equal(
      summary(await resolve(frame, { platform: 'java' })),
      'android/app/src/main/java/com/example/app/MainActivity.java:3 via module',
    );
    const kotlin: SourceFrame = {
      filename: 'Utils.kt',
      module: 'com.example.app.UtilsKt',
      lineNo: 2,
      platform: 'kotlin',
    };
    assert.equal(summary(await resolve(kotlin)), 'android/app/src/main/kotlin/com/example/app/Utils.kt:2 via module');
  });
});

describe('FrameResolver line drift', () => {
  test('moves the mark to where the frame line went', async () => {
    const frame: SourceFrame = { ...pythonViewFrame, filename: 'errors/moved_views.py', absPath: null };
    assert.equal(summary(await resolve(frame)), 'backend/errors/moved_views.py:20 via path moved');
  });

  test('marks the frame stale when its line is gone', async () => {
    const frame: SourceFrame = { ...pythonViewFrame, context: [[18, '        1/0']] };
    assert.equal(summary(await resolve(frame)), 'backend/errors/views.py:18 via path stale');
  });

  test('respects a narrower drift window', async () => {
    const frame: SourceFrame = { ...pythonViewFrame, filename: 'errors/moved_views.py', absPath: null };
    const resolver = new FrameResolver({ folders: [workspace.folder], files: await files, driftWindow: 1 });
    assert.equal(summary(await resolver.resolve(frame)), 'backend/errors/moved_views.py:18 via path stale');
  });
});

describe('FrameResolver does not guess', () => {
  // What the Python SDK sends for a frame of the standard library's json package: the bare file name, its path on the
  // machine, no in-app verdict.
  const stdlibFrame: SourceFrame = {
    filename: '__init__.py',
    absPath: '/usr/lib/python3.11/json/__init__.py',
    module: 'json',
    function: 'loads',
    lineNo: 1,
  };

  test('does not put a frame from elsewhere on its machine on a workspace file that shares only its name', async () => {
    assert.equal(await resolve(stdlibFrame, { platform: 'python' }), undefined);
    assert.equal(
      await resolve(
        { ...stdlibFrame, inApp: false, absPath: 'C:\\Python311\\Lib\\json\\__init__.py' },
        { platform: 'python' },
      ),
      undefined,
    );
  });

  test('still matches such a frame by a shared directory, its module path, a path mapping, or when it is in-app', async () => {
    assert.equal(
      summary(
        await resolve({ ...stdlibFrame, absPath: '/usr/lib/python3.11/pkg/__init__.py' }, { platform: 'python' }),
      ),
      'pkg/__init__.py:1 via path',
    );
    assert.equal(
      summary(await resolve({ ...stdlibFrame, module: 'pkg' }, { platform: 'python' })),
      'pkg/__init__.py:1 via module',
    );
    const pathMappings = [{ stackRoot: '/usr/lib/python3.11/json/', sourceRoot: 'pkg/' }];
    assert.equal(
      summary(await resolve(stdlibFrame, { platform: 'python' }, { pathMappings })),
      'pkg/__init__.py:1 via pathMapping',
    );
    assert.equal(
      summary(await resolve({ ...stdlibFrame, inApp: true }, { platform: 'python' })),
      'pkg/__init__.py:1 via path',
    );
  });

  test('a bare file name of a frame inside the workspace still matches', async () => {
    const inside = join(workspace.folder.path, 'pkg/__init__.py');
    assert.equal(
      summary(await resolve({ ...stdlibFrame, absPath: inside, module: null }, { platform: 'python' })),
      'pkg/__init__.py:1 via path',
    );
  });

  test('does not mark a line past the end of the file', async () => {
    assert.equal(await resolve({ filename: 'dist/assets/app.js', lineNo: 22, colNo: 1, inApp: true }), undefined);
    assert.equal(
      summary(await resolve({ filename: 'dist/assets/app.js', lineNo: 21, colNo: 1, inApp: true })),
      'web/dist/assets/app.js:21 via path',
    );
  });
});

describe('FrameResolver never leaves the workspace', () => {
  const escapes: ReadonlyArray<readonly [string, SourceFrame]> = [
    ['a relative climb', { filename: '../../etc/passwd', absPath: '../../../../../../etc/passwd', lineNo: 1 }],
    ['an absolute path', { filename: '/etc/passwd', absPath: '/etc/passwd', lineNo: 1 }],
    ['a file URL', { filename: 'file:///etc/passwd', lineNo: 1 }],
    ['the outside file by its real path', { filename: secretPath, absPath: secretPath, lineNo: 1 }],
    [
      'a symlink inside the workspace pointing outside',
      { filename: 'web/src/secret.ts', absPath: '/app/web/src/secret.ts', lineNo: 1 },
    ],
    ['a path through a symlinked directory', { filename: 'web/linked/secret.ts', lineNo: 1 }],
    ['a Python module climbing out', { module: '..etc.passwd', filename: null, lineNo: 1, platform: 'python' }],
  ];
  for (const [name, frame] of escapes) {
    test(`refuses ${name}`, async () => {
      assert.equal(await resolve(frame), undefined);
    });
  }

  test('refuses a mapping rule whose source root climbs out', async () => {
    const pathMappings = [{ stackRoot: '/', sourceRoot: '../../../' }];
    assert.equal(await resolve({ filename: '/outside/secret.ts', lineNo: 1 }, {}, { pathMappings }), undefined);
  });
});
