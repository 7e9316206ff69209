// Processing against the workspace: minified bundle frames become original files, lines and function names through
// source maps (found beside the script, by sourceMappingURL or by debug ID), the raw frames are kept, context lines are
// filled, and dependency code mapped out of a bundle is not in-app.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bundle, exceptionValues, framesOfThrow, processWith, tempFolder, type TempFolder } from './localTestSupport';

const cartSource = `export function computeTotal(items) {
  let total = 0;
  for (const item of items) {
    if (item.price < 0) throw new RangeError(\`negative price for \${item.name}\`);
    total += item.price;
  }
  return total;
}
`;
const THROW_LINE = 4;

const mainSource = `import { computeTotal } from './cart';
import { callWith } from 'fake-lib';
export function run() {
  return callWith(() => computeTotal([{ name: 'a', price: 1 }, { name: 'b', price: -1 }]));
}
`;
const CALL_LINE = 4;

const libSource = `export function callWith(callback) {
  return callback();
}
`;

function exceptionEvent(
  thrown: ReturnType<typeof framesOfThrow>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    platform: 'javascript',
    exception: {
      values: [
        {
          type: thrown.type,
          value: thrown.value,
          stacktrace: { frames: thrown.frames },
          mechanism: { type: 'generic', handled: true },
        },
      ],
    },
    ...extra,
  };
}

describe('symbolication of a minified bundle', () => {
  let ws: TempFolder;
  let bundlePath: string;

  before(() => {
    ws = tempFolder('local-symbolicate');
    ws.write('src/cart.js', cartSource);
    ws.write('src/main.js', mainSource);
    ws.write('node_modules/fake-lib/index.js', libSource);
    ws.write('node_modules/fake-lib/package.json', '{"name":"fake-lib","main":"index.js"}');
    bundlePath = bundle(ws, 'src/main.js', 'dist/bundle.js');
  });
  after(() => ws.remove());

  test('maps each bundle frame to its original file and line, innermost at the throw', async () => {
    const event = await processWith(exceptionEvent(framesOfThrow(bundlePath)), [ws.folder]);
    const frames = exceptionValues(event)[0]?.stacktrace?.frames ?? [];
    const crash = frames[frames.length - 1];
    assert.equal(crash?.['filename'], 'src/cart.js');
    assert.equal(crash?.['absPath'], join(ws.folder.path, 'src/cart.js'));
    assert.equal(crash?.['lineNo'], THROW_LINE);
    assert.equal(crash?.['inApp'], true);
    assert.deepEqual(event.raisedAt, { folder: ws.folder.path, file: 'src/cart.js', line: THROW_LINE });
    assert.ok(
      frames.some((frame) => frame['filename'] === 'src/main.js' && frame['lineNo'] === CALL_LINE),
      'the caller in main.js is mapped too',
    );
  });

  test('names the function by its original name through the map, and keeps the minified one as rawFunction', async () => {
    const event = await processWith(exceptionEvent(framesOfThrow(bundlePath)), [ws.folder]);
    const frames = exceptionValues(event)[0]?.stacktrace?.frames ?? [];
    const crash = frames[frames.length - 1];
    assert.equal(crash?.['function'], 'computeTotal');
    assert.notEqual(crash?.['rawFunction'], 'computeTotal');
    assert.equal(event.metadata['function'], 'computeTotal');
  });

  test('keeps the frames as sent in rawStacktrace', async () => {
    const thrown = framesOfThrow(bundlePath);
    const event = await processWith(exceptionEvent(thrown), [ws.folder]);
    const raw = exceptionValues(event)[0]?.rawStacktrace?.frames ?? [];
    assert.deepEqual(
      raw.map((frame) => [frame['filename'], frame['lineNo'], frame['colNo']]),
      thrown.frames.map((frame) => [frame.filename, frame.lineno, frame.colno]),
    );
  });

  test('fills the context lines of a mapped frame from the original source', async () => {
    const event = await processWith(exceptionEvent(framesOfThrow(bundlePath)), [ws.folder]);
    const frames = exceptionValues(event)[0]?.stacktrace?.frames ?? [];
    const context = frames[frames.length - 1]?.['context'] as Array<[number, string]>;
    assert.deepEqual(
      context.find(([line]) => line === THROW_LINE),
      [THROW_LINE, cartSource.split('\n')[THROW_LINE - 1]],
    );
    assert.equal(context[0]?.[0], 1);
  });

  test('marks frames that map into node_modules as not in-app', async () => {
    const event = await processWith(exceptionEvent(framesOfThrow(bundlePath)), [ws.folder]);
    const frames = exceptionValues(event)[0]?.stacktrace?.frames ?? [];
    const lib = frames.find((frame) => String(frame['filename']).includes('fake-lib'));
    assert.ok(lib, 'a frame maps to the library');
    assert.equal(lib['inApp'], false);
  });

  test('finds the map by the event debug ID when the script URL names no workspace file', async () => {
    const debugId = '6b2a2c4e-8a5e-4a1e-9c2b-1f0c3d2e4a5b';
    const mapPath = join(ws.folder.path, 'dist/bundle.js.map');
    ws.write('maps/hashed.js.map', readFileSync(mapPath, 'utf8').replace(/^\{/, `{"debugId":"${debugId}",`));
    const url = 'http://localhost:8080/static/app.9f3c1b2a.js';
    const thrown = framesOfThrow(bundlePath, url);
    const event = await processWith(
      exceptionEvent(thrown, { debug_meta: { images: [{ type: 'sourcemap', code_file: url, debug_id: debugId }] } }),
      [ws.folder],
    );
    const frames = exceptionValues(event)[0]?.stacktrace?.frames ?? [];
    assert.equal(frames[frames.length - 1]?.['filename'], 'src/cart.js');
    assert.equal(frames[frames.length - 1]?.['lineNo'], THROW_LINE);
  });

  test('leaves frames of a script without a map as sent, with context from the file', async () => {
    const event = await processWith(
      {
        platform: 'node',
        exception: {
          values: [
            {
              type: 'Error',
              value: 'x',
              stacktrace: {
                frames: [
                  {
                    filename: join(ws.folder.path, 'src/cart.js'),
                    function: 'computeTotal',
                    lineno: THROW_LINE,
                    colno: 3,
                  },
                ],
              },
            },
          ],
        },
      },
      [ws.folder],
    );
    const values = exceptionValues(event);
    const frame = values[0]?.stacktrace?.frames[0];
    assert.equal(frame?.['lineNo'], THROW_LINE);
    assert.equal(values[0]?.rawStacktrace, null);
    assert.deepEqual(
      (frame?.['context'] as Array<[number, string]>).find(([line]) => line === THROW_LINE)?.[1],
      cartSource.split('\n')[THROW_LINE - 1],
    );
  });
});

describe('function names of an unminified TypeScript bundle (esbuild keeps no names in its map then)', () => {
  const cartTs = `export interface CartLine {
  sku: string;
  quantity: number;
}
const prices: Record<string, number> = { 'tea-001': 450 };
export function cartTotalCents(lines: CartLine[]): number {
  let total = 0;
  for (const line of lines) total += (prices[line.sku] as number | undefined)!.toFixed(0).length * line.quantity;
  return total;
}
`;
  const mainTs = `import { cartTotalCents } from './cart';
const visits = [{ action: 'view cart', run: () => cartTotalCents([{ sku: 'tea-099', quantity: 1 }]) }];
export function run(): number[] {
  return visits.map((visit) => visit.run());
}
`;
  let ws: TempFolder;
  let bundlePath: string;

  before(() => {
    ws = tempFolder('local-names');
    ws.write('src/cart.ts', cartTs);
    ws.write('src/main.ts', mainTs);
    bundlePath = bundle(ws, 'src/main.ts', 'dist/app.js', { minify: false });
  });
  after(() => ws.remove());

  test('names each mapped frame by its declared function, and the culprit by the crashing one', async () => {
    const thrown = framesOfThrow(bundlePath);
    const event = await processWith(exceptionEvent(thrown), [ws.folder]);
    const frames = exceptionValues(event)[0]?.stacktrace?.frames ?? [];
    // run() -> the anonymous callback of map() (V8 names it nothing, and so does the map) -> the visit's run -> the throw.
    assert.deepEqual(
      frames.map((frame) => [frame['filename'], frame['function']]),
      [
        ['src/main.ts', 'run'],
        ['src/main.ts', null],
        ['src/main.ts', 'run'],
        ['src/cart.ts', 'cartTotalCents'],
      ],
    );
    assert.equal(event.culprit, 'cartTotalCents(src/cart)');
    assert.equal(event.metadata['function'], 'cartTotalCents');
  });
});

describe('a Python standard-library frame', () => {
  let ws: TempFolder;

  before(() => {
    ws = tempFolder('local-python-stdlib');
    ws.write('pkg/__init__.py', '# package\n'.repeat(400));
    ws.write('app/main.py', 'import json\n\ndef load(text):\n    return json.loads(text)\n');
  });
  after(() => ws.remove());

  test('is neither in-app nor marked on a workspace file that only shares its name', async () => {
    // As sentry-python sends it: the project's frame marked in-app, the standard library's left unmarked.
    const frames = [
      {
        filename: 'app/main.py',
        abs_path: join(ws.folder.path, 'app/main.py'),
        module: 'app.main',
        function: 'load',
        lineno: 4,
        in_app: true,
      },
      {
        filename: '__init__.py',
        abs_path: '/usr/lib/python3.11/json/__init__.py',
        module: 'json',
        function: 'loads',
        lineno: 346,
      },
    ];
    const event = await processWith(
      {
        platform: 'python',
        exception: { values: [{ type: 'JSONDecodeError', value: 'Expecting value', stacktrace: { frames } }] },
      },
      [ws.folder],
    );
    const processed = exceptionValues(event)[0]?.stacktrace?.frames ?? [];
    assert.equal(processed[1]?.['inApp'], false);
    assert.deepEqual(processed[1]?.['context'], []);
    assert.deepEqual(event.raisedAt, { folder: ws.folder.path, file: 'app/main.py', line: 4 });
  });
});

describe('grouping after symbolication', () => {
  let ws: TempFolder;
  let builds: { first: string; second: string };

  before(() => {
    ws = tempFolder('local-group-builds');
    ws.write('src/cart.js', cartSource);
    ws.write('src/main.js', mainSource);
    ws.write('node_modules/fake-lib/index.js', libSource);
    ws.write('node_modules/fake-lib/package.json', '{"name":"fake-lib","main":"index.js"}');
    const first = bundle(ws, 'src/main.js', 'dist/one.js');
    // The next build has more code before: other minified names, other columns, the same original functions.
    ws.write(
      'src/extra.js',
      'export function unrelated(a, b, c) { return [a, b, c].map((x) => x * 2).filter(Boolean); }\n',
    );
    ws.write('src/main.js', `import { unrelated } from './extra';\nglobalThis.keep = unrelated;\n${mainSource}`);
    const second = bundle(ws, 'src/main.js', 'dist/two.js');
    builds = { first, second };
  });
  after(() => ws.remove());

  test('groups the same error from two builds whose minified names and columns differ', async () => {
    const firstThrown = framesOfThrow(builds.first);
    const secondThrown = framesOfThrow(builds.second);
    assert.notDeepEqual(
      secondThrown.frames.map((frame) => [frame.function, frame.colno]),
      firstThrown.frames.map((frame) => [frame.function, frame.colno]),
      'the builds differ in minified names or positions',
    );
    const [firstEvent, secondEvent] = await Promise.all([
      processWith(exceptionEvent(firstThrown), [ws.folder]),
      processWith(exceptionEvent(secondThrown), [ws.folder]),
    ]);
    assert.equal(secondEvent.hash, firstEvent.hash);
  });

  test('without the source maps, the same two builds group apart (minified names are all there is)', async () => {
    const firstThrown = framesOfThrow(builds.first);
    const secondThrown = framesOfThrow(builds.second);
    const bare = tempFolder('local-group-bare');
    try {
      const [one, two] = await Promise.all([
        processWith(exceptionEvent(firstThrown), [bare.folder]),
        processWith(exceptionEvent(secondThrown), [bare.folder]),
      ]);
      assert.notEqual(one.hash, two.hash);
    } finally {
      bare.remove();
    }
  });
});
