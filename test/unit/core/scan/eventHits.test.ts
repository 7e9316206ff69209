// Proves which frames become marks: the innermost workspace frame of the thrown exception is `raised`, other workspace
// frames are callers, and in-app frames outside the workspace are counted as unresolved.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventSchema } from '../../../../src/core/api/eventSchema';
import { issueSchema } from '../../../../src/core/api/issueSchema';
import type { ResolvedLocation, SourceFrame } from '../../../../src/core/resolve/frame';
import { FrameResolver } from '../../../../src/core/resolve/frameResolver';
import { WorkspaceFileIndex } from '../../../../src/core/resolve/workspaceFileIndex';
import { hitsOfEvent, type FrameLocator } from '../../../../src/core/scan/eventHits';
import { createTempWorkspace } from '../resolve/tempWorkspace';

const folder = { name: 'ws', path: '/ws' };

/** Resolves frames whose filename starts with `src/` to themselves; everything else is not in the workspace. */
const locator: FrameLocator = {
  resolve: async (frame: SourceFrame): Promise<ResolvedLocation | undefined> =>
    frame.filename?.startsWith('src/') && frame.lineNo
      ? { folder, file: frame.filename, line: frame.lineNo, moved: false, stale: false, via: 'path' }
      : undefined,
};

const issue = issueSchema.parse({
  id: '9',
  shortId: 'SHOP-9',
  title: 'TypeError: x',
  status: 'unresolved',
  level: 'error',
  count: '120',
  userCount: 30,
  project: { id: '1' },
  filtered: { count: '12', userCount: 3 },
});

function frame(filename: string, lineNo: number, inApp = true) {
  return { filename, lineNo, inApp };
}

test('marks the innermost workspace frame of the thrown exception as raised, with release counts', async () => {
  const event = eventSchema.parse({
    id: 'e',
    entries: [
      {
        type: 'exception',
        data: {
          values: [
            { type: 'Cause', stacktrace: { frames: [frame('src/db.ts', 5)] } },
            {
              type: 'TypeError',
              stacktrace: {
                frames: [
                  frame('src/main.ts', 1),
                  frame('src/cart.ts', 42),
                  frame('node_modules/lib/x.js', 10, false),
                  frame('/gone/elsewhere.ts', 3),
                ],
              },
            },
          ],
        },
      },
    ],
  });
  const { hits, unresolvedFrames } = await hitsOfEvent(issue, event, locator);
  assert.deepEqual(
    hits.map((h) => [h.file, h.line, h.role]),
    [
      ['src/cart.ts', 42, 'raised'],
      ['src/main.ts', 1, 'caller'],
      ['src/db.ts', 5, 'caller'],
    ],
  );
  assert.deepEqual([hits[0]?.count, hits[0]?.userCount], [12, 3]);
  assert.equal(unresolvedFrames, 1);
});

test('an event without an exception uses its stack trace entry', async () => {
  const event = eventSchema.parse({
    id: 'e',
    entries: [{ type: 'stacktrace', data: { frames: [frame('src/a.ts', 1), frame('src/b.ts', 2)] } }],
  });
  const { hits } = await hitsOfEvent(issue, event, locator);
  assert.deepEqual(
    hits.map((h) => [h.file, h.role]),
    [
      ['src/b.ts', 'raised'],
      ['src/a.ts', 'caller'],
    ],
  );
});

test('an event with no frames gives no hits', async () => {
  const { hits, unresolvedFrames } = await hitsOfEvent(
    issue,
    eventSchema.parse({ id: 'e', entries: [{ type: 'message', data: { formatted: 'hi' } }] }),
    locator,
  );
  assert.deepEqual([hits.length, unresolvedFrames], [0, 0]);
});

test('a frame past the end of its workspace file is no mark but an unresolved frame', async () => {
  const workspace = createTempWorkspace('event-hits-past-end');
  try {
    workspace.write('dist/assets/app.js', 'console.log(1);\n'.repeat(21));
    const files = await WorkspaceFileIndex.build([workspace.folder]);
    const resolver = new FrameResolver({ folders: [workspace.folder], files });
    const event = eventSchema.parse({
      id: 'e',
      entries: [
        { type: 'stacktrace', data: { frames: [frame('dist/assets/app.js', 21), frame('dist/assets/app.js', 22)] } },
      ],
    });
    const { hits, unresolvedFrames } = await hitsOfEvent(issue, event, resolver);
    assert.deepEqual(
      hits.map((h) => [h.file, h.line, h.role]),
      [['dist/assets/app.js', 21, 'raised']],
    );
    assert.equal(unresolvedFrames, 1);
  } finally {
    workspace.remove();
  }
});
