// Proves the issue index answers per file and line, strongest hit first, and keeps one hit per issue and line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IssueIndex, type LineHit } from '../../../../src/core/index/issueIndex';

function hit(overrides: Partial<LineHit>): LineHit {
  return {
    issueId: '1',
    shortId: 'SHOP-1',
    title: 'TypeError',
    level: 'error',
    role: 'raised',
    count: 1,
    userCount: 1,
    folder: '/ws',
    file: 'src/cart.ts',
    line: 1,
    moved: false,
    stale: false,
    ...overrides,
  };
}

test('returns the lines of one file in ascending order', () => {
  const index = new IssueIndex();
  index.add(hit({ line: 42 }));
  index.add(hit({ line: 7, issueId: '2' }));
  index.add(hit({ file: 'src/other.ts', line: 1 }));
  assert.deepEqual(
    index.hitsInFile('/ws', 'src/cart.ts').map(([line]) => line),
    [7, 42],
  );
  assert.deepEqual(index.hitsInFile('/ws', 'src/none.ts'), []);
  assert.deepEqual(index.hitsInFile('/other', 'src/cart.ts'), []);
  assert.equal(index.fileCount, 2);
});

test('orders several issues on one line: raised before caller, then by events', () => {
  const index = new IssueIndex();
  index.add(hit({ issueId: 'a', role: 'caller', count: 1000 }));
  index.add(hit({ issueId: 'b', role: 'raised', count: 5 }));
  index.add(hit({ issueId: 'c', role: 'raised', count: 50 }));
  const [[, hits] = [0, []]] = index.hitsInFile('/ws', 'src/cart.ts');
  assert.deepEqual(
    hits.map((h) => h.issueId),
    ['c', 'b', 'a'],
  );
});

test('an issue appears once per line, with its strongest role (recursion puts a frame twice in a trace)', () => {
  const index = new IssueIndex();
  index.add(hit({ role: 'caller' }));
  index.add(hit({ role: 'raised' }));
  index.add(hit({ role: 'caller' }));
  const hits = index.hitsInFile('/ws', 'src/cart.ts')[0]?.[1] ?? [];
  assert.deepEqual(
    hits.map((h) => h.role),
    ['raised'],
  );
  assert.equal(index.hitCount, 1);
});

test('allHits lists every hit by file then line', () => {
  const index = new IssueIndex();
  index.add(hit({ file: 'b.ts', line: 1 }));
  index.add(hit({ file: 'a.ts', line: 9 }));
  index.add(hit({ file: 'a.ts', line: 2 }));
  assert.deepEqual(
    index.allHits().map((h) => `${h.file}:${h.line}`),
    ['a.ts:2', 'a.ts:9', 'b.ts:1'],
  );
});
