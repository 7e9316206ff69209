// The index kept across a load's partial results (LoadingIndex, over IssueIndex's copy and removeIssue) must give, at
// every step, the index built afresh from the issues' hits of that step, and must never change an index it gave out.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { IssueIndex, type LineHit } from '../../../../src/core/index/issueIndex';
import { LoadingIndex } from '../../../../src/core/index/loadingIndex';
import { propertyRuns } from '../../../support/propertyRuns';
import { lineHit } from './lineHits';

/** Hits of a few issues over a few files and lines, so that issues meet on lines and one issue hits a line twice. */
const hitOf = (issueId: string) =>
  fc
    .record({
      file: fc.constantFrom('a.ts', 'b.ts', 'c.ts'),
      line: fc.integer({ min: 1, max: 4 }),
      role: fc.constantFrom('raised' as const, 'caller' as const),
      count: fc.integer({ min: 1, max: 3 }),
      stale: fc.boolean(),
    })
    .map((fields) => lineHit({ ...fields, issueId }));
const issueIds = ['1', '2', '3', '4'];

/** One step of a load: per issue, no hits yet, the hits it had last step (the same list), or new ones. */
const step = fc.tuple(
  ...issueIds.map((issueId) =>
    fc.oneof(fc.constant('none' as const), fc.constant('same' as const), fc.array(hitOf(issueId), { maxLength: 4 })),
  ),
);

function builtAfresh(hitsByIssue: ReadonlyMap<string, readonly LineHit[]>): IssueIndex {
  const index = new IssueIndex();
  for (const hits of hitsByIssue.values()) for (const hit of hits) index.add(hit);
  return index;
}

function contents(index: IssueIndex): unknown {
  return { hits: index.allHits(), hitCount: index.hitCount, fileCount: index.fileCount };
}

describe('the index of a load in progress', () => {
  test('equals the index built afresh at every step, and leaves the indexes it gave out as they were', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const loading = new LoadingIndex();
        let last = new Map<string, readonly LineHit[]>();
        const given: Array<{ index: IssueIndex; contents: unknown }> = [];
        for (const choices of steps) {
          const now = new Map<string, readonly LineHit[]>();
          choices.forEach((choice, position) => {
            const issueId = issueIds[position] as string;
            const kept = last.get(issueId);
            if (choice === 'same') {
              if (kept) now.set(issueId, kept);
            } else if (choice !== 'none') now.set(issueId, choice);
          });
          const index = loading.indexOf(now);
          assert.deepEqual(contents(index), contents(builtAfresh(now)));
          given.push({ index, contents: contents(index) });
          last = now;
        }
        for (const { index, contents: then } of given) assert.deepEqual(contents(index), then);
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  test('an index given out can be added to without changing the next one', () => {
    const loading = new LoadingIndex();
    const hits = [lineHit({ issueId: '1', line: 3 })];
    const first = loading.indexOf(new Map([['1', hits]]));
    first.add(lineHit({ issueId: '2', line: 3 }));
    const second = loading.indexOf(new Map([['1', hits]]));
    assert.equal(first.hitCount, 2);
    assert.deepEqual(
      second.allHits().map((hit) => hit.issueId),
      ['1'],
    );
  });
});
