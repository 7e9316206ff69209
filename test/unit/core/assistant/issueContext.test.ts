// Proves the assistant's issue context: frames innermost first resolved to today's workspace lines with a window of
// source around each, the exception chain thrown first, scrubbing, breadcrumbs kept newest first, and the size cap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventSchema, stackOfEvent } from '../../../../src/core/api/eventSchema';
import { frameKey } from '../../../../src/core/format/exceptionView';
import { issueSchema } from '../../../../src/core/api/issueSchema';
import { issueContextText } from '../../../../src/core/assistant/issueContext';
import { locateFrames, sourceWindow } from '../../../../src/core/assistant/locatedFrames';
import type { ResolvedLocation, SourceFrame } from '../../../../src/core/resolve/frame';
import type { FrameLocator } from '../../../../src/core/scan/eventHits';

const folder = { name: 'ws', path: '/ws' };
const files: Record<string, string[]> = {
  'src/cart.ts': Array.from({ length: 30 }, (_, index) => `cart line ${index + 1}`),
  'src/main.ts': ['main line 1', 'main line 2', 'main line 3'],
};

/** `src/` frames resolve to themselves, two lines further down (the code moved since the release); others do not. */
const locator: FrameLocator = {
  resolve: async (frame: SourceFrame): Promise<ResolvedLocation | undefined> =>
    frame.filename?.startsWith('src/') && frame.lineNo
      ? {
          folder,
          file: frame.filename,
          line: Math.min(frame.lineNo + 2, files[frame.filename]?.length ?? 0),
          moved: frame.filename === 'src/cart.ts',
          stale: false,
          via: 'path',
        }
      : undefined,
};
const linesOf = async (location: ResolvedLocation): Promise<readonly string[] | undefined> => files[location.file];

const issue = issueSchema.parse({
  id: '9',
  shortId: 'SHOP-9',
  title: 'TypeError: x',
  status: 'unresolved',
  level: 'error',
  count: '120',
  userCount: 30,
  project: { id: '1' },
  firstRelease: { version: 'shop@2' },
});

function eventWith(values: unknown[], extra: Record<string, unknown> = {}) {
  return eventSchema.parse({ id: 'e', entries: [{ type: 'exception', data: { values } }], ...extra });
}

const chain = eventWith(
  [
    {
      type: 'DbError',
      value: 'connection refused',
      stacktrace: { frames: [{ filename: 'src/main.ts', lineNo: 1, inApp: true, function: 'connect' }] },
    },
    {
      type: 'TypeError',
      value: 'failed for postgres://admin:hunter2@db.internal/shop',
      stacktrace: {
        frames: [
          { filename: 'src/main.ts', lineNo: 1, inApp: true, function: 'start' },
          { filename: 'node_modules/lib/x.js', lineNo: 10, inApp: false, function: 'dispatch' },
          { filename: 'src/cart.ts', lineNo: 20, inApp: true, function: 'total' },
        ],
      },
    },
  ],
  { tags: [{ key: 'environment', value: 'production' }] },
);

test('lists the thrown exception first, then its causes, each stack innermost frame first', async () => {
  const located = await locateFrames(chain, locator, linesOf);
  const text = issueContextText({ issue, event: chain, release: 'shop@2', located });
  const thrown = text.indexOf('## Exception (thrown): TypeError');
  const cause = text.indexOf('## Exception (cause 1 of 1): DbError');
  assert.ok(thrown >= 0 && cause > thrown, text);
  const stack = text.slice(thrown, cause);
  const order = [
    'total at workspace file src/cart.ts:22',
    'dispatch at node_modules/lib/x.js:10 (library)',
    'start at workspace file src/main.ts:3',
  ].map((line) => stack.indexOf(line));
  assert.ok(
    order.every((at) => at >= 0),
    stack,
  );
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  assert.match(text, /Release story: New in shop@2/);
  assert.match(text, /environment: production/);
});

test("shows today's source around each resolved line, the line marked, with its drift", async () => {
  const located = await locateFrames(chain, locator, linesOf, 2);
  const text = issueContextText({ issue, event: chain, located });
  assert.ok(
    text.includes('total at workspace file src/cart.ts:22 (the line moved since the release; it was 20)'),
    text,
  );
  assert.ok(
    text.includes(
      [
        '      20 | cart line 20',
        '      21 | cart line 21',
        '    > 22 | cart line 22',
        '      23 | cart line 23',
        '      24 | cart line 24',
      ].join('\n'),
    ),
    text,
  );
  assert.ok(!text.includes('cart line 19') && !text.includes('cart line 25'), 'two lines each side');
  // A window stops at the file's ends.
  assert.deepEqual(sourceWindow(['a', 'b', 'c'], 1, 4), [
    { line: 1, text: 'a' },
    { line: 2, text: 'b' },
    { line: 3, text: 'c' },
  ]);
});

test('scrubs credentials in exception values', async () => {
  const text = issueContextText({ issue, event: chain, located: new Map() });
  assert.ok(!text.includes('hunter2'), text);
  assert.match(text, /postgres:\/\/\[Filtered\]@db\.internal/);
});

test('keeps the newest breadcrumbs, as many as asked', () => {
  const crumbs = Array.from({ length: 8 }, (_, index) => ({
    timestamp: 1_700_000_000 + index,
    category: 'ui.click',
    message: `click ${index}`,
  }));
  const event = eventSchema.parse({ id: 'e', entries: [{ type: 'breadcrumbs', data: { values: crumbs } }] });
  const text = issueContextText({ issue, event, located: new Map(), breadcrumbs: 3 });
  assert.match(
    text,
    /## Breadcrumbs, newest first \(last 3\)\n.*click 7\n.*click 6\n.*click 5\n\(5 older breadcrumbs not listed\)/,
  );
});

test('caps the whole text and names what it cut, keeping the header and the thrown exception', () => {
  const causes = Array.from({ length: 12 }, (_, index) => ({ type: `Cause${index}`, value: 'v'.repeat(1500) }));
  const event = eventWith(causes);
  const full = issueContextText({ issue, event, located: new Map(), maxBytes: 1_000_000 });
  assert.ok(!full.includes('[Cut'), 'nothing cut when it fits');
  const text = issueContextText({ issue, event, located: new Map(), maxBytes: 6000 });
  assert.ok(Buffer.byteLength(text) <= 6000, `${Buffer.byteLength(text)} bytes`);
  assert.match(text, /^# SHOP-9 \(id 9\)/);
  assert.match(text, /## Exception \(thrown\): Cause11/);
  assert.match(
    text,
    new RegExp(
      `\\[Cut to stay within 6000 bytes \\(${Buffer.byteLength(full)} in full\\): (the end of )?exception \\d+, .* and \\d+ more sections left out\\.`,
    ),
  );
});

test('names the code owners of the raising file in the header, which the cap keeps', () => {
  const causes = Array.from({ length: 12 }, (_, index) => ({ type: `Cause${index}`, value: 'v'.repeat(1500) }));
  const text = issueContextText({
    issue,
    event: eventWith(causes),
    located: new Map(),
    owners: 'Code owners of src/cart.ts: @acme/checkout (.github/CODEOWNERS line 3)',
    maxBytes: 6000,
  });
  assert.match(
    text,
    /^# SHOP-9 .*\n(.*\n)*Code owners of src\/cart\.ts: @acme\/checkout \(\.github\/CODEOWNERS line 3\)\.\n(.*\n)*## Exception \(thrown\)/,
  );
  assert.match(text, /\[Cut to stay within 6000 bytes/);
});

test('says when there is no event to read', () => {
  const text = issueContextText({ issue, located: new Map() });
  assert.match(text, /No event of this issue could be read/);
});

test("lists a frame's local variables under its source, nested values indented and bounded", () => {
  const vars = {
    total: 12.5,
    card: 'not-a-secret',
    password: 'hunter2',
    line: { sku: 'sku-9', deep: { level: 3 } },
    ...Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`extra${index}`, index])),
  };
  const event = eventWith([
    {
      type: 'TypeError',
      value: 'x',
      stacktrace: { frames: [{ filename: 'src/cart.ts', lineNo: 20, inApp: true, function: 'total', vars }] },
    },
  ]);
  const located = new Map([
    [
      frameKeyOf(event),
      { file: 'src/cart.ts', line: 20, moved: false, stale: false, window: [{ line: 20, text: 'cart line 20' }] },
    ],
  ]);
  const text = issueContextText({ issue, event, located });
  assert.match(
    text,
    /> 20 \| cart line 20\n    Local variables when it raised:\n      total = 12\.5\n      card = not-a-secret\n      password = \[Filtered\] \(hidden: sensitive name\)\n      line = \{2 keys\}\n        sku = sku-9\n        deep = \{1 key\}\n/,
  );
  assert.ok(!text.includes('level = 3'), 'two levels deep at most');
  assert.ok(!text.includes('hunter2'));
  assert.match(text, /\((\d+) more not listed\)/);
  assert.equal(text.match(/^      \s*\w+ = /gm)?.length, 30, 'thirty rows at most');
});

test('names the suspect commit of a located line, and no variables for a frame outside the workspace', () => {
  const event = eventWith([
    {
      type: 'TypeError',
      value: 'x',
      stacktrace: {
        frames: [
          { filename: 'node_modules/x.js', lineNo: 1, inApp: false, vars: { hidden: 1 } },
          { filename: 'src/cart.ts', lineNo: 20, inApp: true, function: 'total' },
        ],
      },
    },
  ]);
  const key = frameKeyOf(event);
  const located = new Map([
    [
      key,
      {
        file: 'src/cart.ts',
        line: 20,
        moved: false,
        stale: false,
        window: [{ line: 20, text: 'cart line 20' }],
        suspect: "last changed in abc1234 by Jane, 3 days before shop@2: 'Price from catalog'",
      },
    ],
  ]);
  const text = issueContextText({ issue, event, located });
  assert.match(
    text,
    /> 20 \| cart line 20\n    Suspect commit: this line was last changed in abc1234 by Jane, 3 days before shop@2: 'Price from catalog'\n/,
  );
  assert.ok(!text.includes('hidden'), 'library frames carry no variables');
});

/** The key of the event's innermost frame, as locateFrames keys it. */
function frameKeyOf(event: ReturnType<typeof eventWith>): string {
  const innermost = (stackOfEvent(event).exceptions.at(-1)?.stacktrace?.frames ?? []).at(-1);
  assert.ok(innermost);
  return frameKey(innermost);
}
