// Proves the data builders derive what real Sentry would show from a few overrides, and the scenario is stable.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addManyIssues,
  defaultScenario,
  event,
  eventCount,
  frame,
  issue,
  lineOf,
  scenarioSources,
} from '../../support/fakeSentry';

describe('builders', () => {
  test('issue() takes title, culprit and metadata from the thrown exception and the crash frame', () => {
    const built = issue({
      events: [
        event({
          exceptionType: 'TypeError',
          value: 'x is undefined',
          frames: [
            { filename: './src/a.ts', lineNo: 3, function: 'outer' },
            { filename: './src/b.ts', lineNo: 7, function: 'inner' },
          ],
        }),
      ],
    });
    assert.equal(built.title, 'TypeError: x is undefined');
    assert.equal(built.culprit, 'inner(src/b)');
    assert.deepEqual(built.metadata, {
      type: 'TypeError',
      value: 'x is undefined',
      filename: './src/b.ts',
      function: 'inner',
      in_app_frame_mix: 'in-app-only',
    });
  });

  test('issue() sums counts and takes first and last release from its event counts', () => {
    const built = issue({
      eventCounts: [
        eventCount({
          release: 'a@1',
          count: 4,
          userCount: 1,
          firstSeen: '2025-05-01T00:00:00Z',
          lastSeen: '2025-05-02T00:00:00Z',
        }),
        eventCount({
          release: 'a@2',
          count: 6,
          userCount: 2,
          firstSeen: '2025-05-03T00:00:00Z',
          lastSeen: '2025-05-04T00:00:00Z',
        }),
      ],
    });
    assert.deepEqual([built.count, built.userCount, built.firstRelease, built.lastRelease], [10, 3, 'a@1', 'a@2']);
    assert.deepEqual([built.firstSeen, built.lastSeen], ['2025-05-01T00:00:00Z', '2025-05-04T00:00:00Z']);
  });

  test('frame() derives module and the context window from the source text', () => {
    const source = Array.from({ length: 20 }, (_, n) => `line ${n + 1}`).join('\n');
    const built = frame({ filename: 'webpack://app/./src/x.ts', lineNo: 10, source });
    assert.equal(built.module, 'src/x');
    assert.deepEqual(built.context[0], [5, 'line 5']);
    assert.deepEqual(built.context.at(-1), [15, 'line 15']);
  });

  test('defaultScenario() is the same on every call, and its frames point at real lines of scenarioSources', () => {
    const [first, second] = [defaultScenario(), defaultScenario()];
    assert.deepEqual(first, second);
    const crash = first.issues.find((built) => built.id === '1001')?.events[0]?.exceptions[0]?.frames.at(-1);
    assert.equal(crash?.lineNo, lineOf('src/cart.ts', 'line.item.price'));
    assert.ok(scenarioSources['src/cart.ts']?.split('\n')[(crash?.lineNo ?? 0) - 1]?.includes('line.item.price'));
  });

  test('addManyIssues() numbers after the existing issues and marks every n-th one dropped', () => {
    const data = defaultScenario();
    const added = addManyIssues(data, 6, { dropEvery: 3 });
    assert.deepEqual(
      added.map((built) => built.id),
      ['2001', '2002', '2003', '2004', '2005', '2006'],
    );
    assert.deepEqual(
      added.map((built) => built.droppedFromListPages === true),
      [false, false, true, false, false, true],
    );
    assert.equal(data.issues.length, 16);
  });
});
