// Stacks kept ready to store (PreparedStacks) must store exactly what processing the event anew stores: the same body
// text, byte for byte, scrubbed the same, on random events whose stacks repeat (with vars and context lines carrying
// secrets, strings past their caps, every scrubbing setting), against a real minified bundle and without a workspace;
// and a file a watcher reports changed is read again by the next event.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { processEvent, type ProcessingContext } from '../../../../src/core/local/process/eventProcessor';
import { PreparedStacks } from '../../../../src/core/local/process/preparedStacks';
import type { ProcessedEvent } from '../../../../src/core/local/process/processedEvent';
import { WorkspaceSources, type WorkspaceSnapshot } from '../../../../src/core/local/process/workspaceSources';
import { WatchedFileIndex } from '../../../../src/core/resolve/watchedFileIndex';
import { silentLogger } from '../../../../src/core/log';
import type { ScrubbingSettings } from '../../../../src/core/privacy/sensitiveData';
import { propertyRuns } from '../../../support/propertyRuns';
import { bundle, exceptionValues, framesOfThrow, tempFolder, type TempFolder } from './localTestSupport';

type Json = Record<string, unknown>;

const scrubbingSets: ReadonlyArray<ScrubbingSettings | undefined> = [
  undefined,
  { enabled: false },
  { keepIpAddresses: true },
  { extraSensitiveKeys: ['order'], safeKeys: ['password'] },
  // Keys of the stack itself: the kept stack cannot go in as it was kept, so the event is processed whole.
  { extraSensitiveKeys: ['stacktrace'] },
  { extraSensitiveKeys: ['frames'] },
  { extraSensitiveKeys: ['context'] },
];

const secretText = fc.oneof(
  { arbitrary: fc.string(), weight: 2 },
  // Past the context line's cap: trimming notes it in the event's _meta.
  { arbitrary: fc.constant('x'.repeat(1_300)), weight: 1 },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'const password = "hunter2";',
      'fetch(url, { headers: { Authorization: "Bearer abcdefghijklmnop" } })',
      'charge("4111 1111 1111 1111")',
      'mail("dev@example.com")',
      '-----BEGIN PRIVATE KEY-----',
      'plain line',
      '',
    ),
  },
);

/** Mostly absent: most frames of a real stack carry none of these. */
function sometimes<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: value, weight: 1 });
}

/** Frame fields an SDK may send, some with secrets or past their caps; vars and lock are the event's own values. */
const frameExtras = fc
  .record({
    function: sometimes(fc.oneof(fc.constantFrom('run', 'level3', 'a.b.c', 'f'.repeat(300)), fc.string())),
    colno: sometimes(fc.integer({ min: 0, max: 200 })),
    in_app: sometimes(fc.boolean()),
    pre_context: sometimes(fc.array(secretText, { maxLength: 3 })),
    context_line: fc.oneof(fc.constant(undefined), secretText),
    post_context: sometimes(fc.array(secretText, { maxLength: 3 })),
    vars: sometimes(
      fc.constantFrom(
        { password: 'hunter2', order_id: 'order-1' },
        { token: 'abc', nested: { email: 'a@example.com' } },
      ),
    ),
    lock: sometimes(fc.constant({ type: 'mutex', address: '0x1' })),
    module: sometimes(fc.constantFrom('app/cart', 'node:internal/process')),
  })
  .map((extras) => Object.fromEntries(Object.entries(extras).filter(([, value]) => value !== undefined)));

function eventOf(stacks: ReadonlyArray<readonly Json[]>, index: number): Json {
  return {
    event_id: (index + 1).toString(16).padStart(32, '0'),
    platform: index % 3 === 0 ? 'node' : 'javascript',
    exception: {
      values: stacks.map((frames, at) => ({
        type: `Error${at}`,
        value: `failure ${index} for someone${index}@example.com`,
        stacktrace: { frames },
      })),
    },
    request: { url: 'http://localhost:5173/?token=abc', headers: { Cookie: 'session=1' } },
  };
}

/** Each event processed with one shared PreparedStacks (concurrently, as the server does) and each anew, alone. */
async function assertKeptEqualsAnew(
  events: readonly Json[],
  scrubbing: ScrubbingSettings | undefined,
  workspace: () => Promise<WorkspaceSnapshot | undefined>,
): Promise<void> {
  const stacks = new PreparedStacks();
  const context = async (withStacks: boolean): Promise<ProcessingContext> => ({
    receivedAt: Date.parse('2026-12-04T12:00:00Z'),
    clientIp: '10.0.0.1',
    workspace: await workspace(),
    scrubbing,
    ...(withStacks ? { stacks } : {}),
  });
  // Twice over, so that the second round finds every stack kept.
  for (let round = 0; round < 2; round++) {
    const kept = await Promise.all(events.map(async (event) => processed(event, await context(true))));
    for (const [index, event] of events.entries()) {
      const anew = await processed(event, await context(false));
      const label = `event ${index}, round ${round}, scrubbing ${JSON.stringify(scrubbing)}`;
      assert.equal(kept[index]?.bodyJson, anew.bodyJson, label);
      assert.deepEqual(kept[index]?.body, JSON.parse(anew.bodyJson), label);
      assert.equal(kept[index]?.hash, anew.hash, label);
      assert.deepEqual(kept[index]?.raisedAt, anew.raisedAt, label);
    }
  }
}

async function processed(event: Json, context: ProcessingContext): Promise<ProcessedEvent> {
  const result = await processEvent(event, context);
  if (!result.ok) throw new Error(result.error.detail);
  return result.value;
}

/** A few stacks built from `base` frames with random extras, and events that each take one or two of them. */
function eventsArbitrary(base: readonly Json[]): fc.Arbitrary<Json[]> {
  const stack = fc
    .array(fc.tuple(fc.nat({ max: base.length - 1 }), frameExtras), { minLength: 1, maxLength: 8 })
    .map((picks) => picks.map(([at, extras]) => ({ ...base[at], ...extras })));
  return fc
    .tuple(
      fc.array(stack, { minLength: 1, maxLength: 3 }),
      fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
    )
    .map(([stacks, picks]) =>
      picks.map((chosen, index) =>
        eventOf(
          chosen.map((at) => stacks[at % stacks.length] ?? []),
          index,
        ),
      ),
    );
}

describe('stacks kept ready to store', () => {
  let folder: TempFolder;
  let thrown: Json[];
  let sources: WorkspaceSources;
  let index: WatchedFileIndex;

  before(() => {
    folder = tempFolder('prepared-stacks');
    folder.write(
      'src/cart.ts',
      'export function total(price: number): number {\n  if (price < 0) throw new RangeError(`negative: ${price}`);\n  return price;\n}\n',
    );
    folder.write(
      'src/main.ts',
      "import { total } from './cart';\n\nfunction checkout(): number {\n  return total(-1);\n}\n\nexport function run(): number {\n  return checkout();\n}\n",
    );
    const script = bundle(folder, 'src/main.ts', 'dist/app.js');
    thrown = framesOfThrow(script).frames.map((frame) => ({ ...frame }));
    index = new WatchedFileIndex(folder.folder, silentLogger);
    sources = new WorkspaceSources({ indexes: [index], log: silentLogger });
  });
  after(() => {
    sources.dispose();
    folder.remove();
  });

  test('store what processing each event anew stores, symbolicated against a minified bundle', async () => {
    await fc.assert(
      fc.asyncProperty(eventsArbitrary(thrown), fc.constantFrom(...scrubbingSets), async (events, scrubbing) =>
        assertKeptEqualsAnew(events, scrubbing, () => sources.snapshot()),
      ),
      { numRuns: propertyRuns(60) },
    );
  });

  test('store what processing each event anew stores, without a workspace', async () => {
    const frames: Json[] = [
      { filename: 'app.js', abs_path: 'http://localhost/app.js', lineno: 1, colno: 10, function: 'a' },
      { filename: 'node_modules/lib/index.js', lineno: 4, colno: 2 },
      { filename: 'app/cart.py', lineno: 40, module: 'app.cart' },
    ];
    await fc.assert(
      fc.asyncProperty(eventsArbitrary(frames), fc.constantFrom(...scrubbingSets), async (events, scrubbing) =>
        assertKeptEqualsAnew(events, scrubbing, () => Promise.resolve(undefined)),
      ),
      { numRuns: propertyRuns(100) },
    );
  });

  test('read a changed source file again once its watcher reports it', async () => {
    const stacks = new PreparedStacks();
    const event = eventOf([thrown], 0);
    const contextLine = async (): Promise<unknown> => {
      const result = await processed(event, { receivedAt: Date.now(), workspace: await sources.snapshot(), stacks });
      const frames = exceptionValues(result)[0]?.stacktrace?.frames ?? [];
      const innermost = frames[frames.length - 1] as { lineNo: number; context: Array<[number, string]> };
      return innermost.context.find(([line]) => line === innermost.lineNo)?.[1];
    };
    assert.match(String(await contextLine()), /throw new RangeError/);
    const path = folder.write(
      'src/cart.ts',
      'export function total(price: number): number {\n  if (price < 0) throw new RangeError(`changed: ${price}`);\n  return price;\n}\n',
    );
    index.changed(path);
    assert.match(String(await contextLine()), /changed/);
  });
});
