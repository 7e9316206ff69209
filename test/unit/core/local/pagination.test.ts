// Cursor pagination of the local Web API: Sentry's Link header, read back by the client's own parser, and keyset pages
// that walk every item exactly once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { keysetPage, linkHeader, offsetPage, parseCursor } from '../../../../src/core/local/api/pagination';
import { parseNextPage } from '../../../../src/core/api/linkHeader';
import '../../../support/propertyRuns';

describe('linkHeader', () => {
  test('has Sentry’s exact form with both links', () => {
    const header = linkHeader(
      'http://127.0.0.1:9000',
      '/api/0/organizations/local/issues/',
      new URLSearchParams('query=is:unresolved&cursor=old'),
      {
        prev: { value: 1714761600000, offset: 0, isPrev: true },
        hasPrev: false,
        next: { value: 1714761600000, offset: 100, isPrev: false },
        hasNext: true,
      },
    );
    assert.equal(
      header,
      '<http://127.0.0.1:9000/api/0/organizations/local/issues/?query=is%3Aunresolved&cursor=1714761600000:0:1>; rel="previous"; results="false"; cursor="1714761600000:0:1", ' +
        '<http://127.0.0.1:9000/api/0/organizations/local/issues/?query=is%3Aunresolved&cursor=1714761600000:100:0>; rel="next"; results="true"; cursor="1714761600000:100:0"',
    );
    assert.deepEqual(parseNextPage(header), { hasMore: true, cursor: '1714761600000:100:0' });
  });
});

describe('keysetPage', () => {
  test('walks every item once, in order, with ties in the score', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        (scores, limit) => {
          const items = scores.map((score, id) => ({ id, score })).sort((a, b) => b.score - a.score || b.id - a.id);
          const seen: number[] = [];
          let cursor: string | undefined;
          for (let pages = 0; pages < 100; pages++) {
            const page = keysetPage(items, (item) => item.score, parseCursor(cursor ?? null), limit);
            seen.push(...page.items.map((item) => item.id));
            if (!page.hasNext) break;
            cursor = `${page.next.value}:${page.next.offset}:0`;
          }
          assert.deepEqual(
            seen,
            items.map((item) => item.id),
          );
        },
      ),
    );
  });

  test('goes back with the previous cursor', () => {
    const items = Array.from({ length: 10 }, (_, id) => ({ id, score: 100 - id }));
    const second = keysetPage(items, (item) => item.score, parseCursor('96:0:0'), 3);
    assert.deepEqual(
      second.items.map((item) => item.id),
      [4, 5, 6],
    );
    const back = keysetPage(items, (item) => item.score, second.prev, 3);
    assert.deepEqual(
      back.items.map((item) => item.id),
      [1, 2, 3],
    );
  });
});

describe('offsetPage', () => {
  test('pages with per_page:page:is_prev cursors and says when there is more', () => {
    const items = Array.from({ length: 5 }, (_, index) => index);
    const first = offsetPage(items, undefined, 2);
    assert.deepEqual([first.items, first.hasNext, first.hasPrev], [[0, 1], true, false]);
    const last = offsetPage(items, parseCursor('2:2:0'), 2);
    assert.deepEqual([last.items, last.hasNext, last.hasPrev], [[4], false, true]);
  });

  test('refuses malformed cursors with a 400', () => {
    assert.throws(() => parseCursor('abc'), /Invalid cursor/);
  });
});
