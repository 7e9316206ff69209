// Proves the pagination header reader takes only the cursor and stops exactly when the server says no more results.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseNextPage } from '../../../../src/core/api/linkHeader';

describe('parseNextPage', () => {
  test('follows Sentry\'s next link while results="true"', () => {
    const header =
      '<https://us.sentry.io/api/0/organizations/acme/issues/?query=is%3Aunresolved&cursor=1714761600000:0:1>; rel="previous"; results="false"; cursor="1714761600000:0:1", ' +
      '<https://us.sentry.io/api/0/organizations/acme/issues/?query=is%3Aunresolved&cursor=1714761600000:100:0>; rel="next"; results="true"; cursor="1714761600000:100:0"';
    assert.deepEqual(parseNextPage(header), { hasMore: true, cursor: '1714761600000:100:0' });
  });

  test('stops when the next link says results="false"', () => {
    const header =
      '<https://x/?cursor=0:0:1>; rel="previous"; results="true"; cursor="0:0:1", <https://x/?cursor=0:200:0>; rel="next"; results="false"; cursor="0:200:0"';
    assert.deepEqual(parseNextPage(header), { hasMore: false });
  });

  test("reads GlitchTip's set-wrapped header with opaque cursors", () => {
    const header = `{'<https://gt.example/api/0/organizations/o/issues/?cursor=cD0yMDI0>; rel="next"; results="true"; cursor="cD0yMDI0"', '<https://gt.example/api/0/organizations/o/issues/>; rel="previous"; results="false"'}`;
    assert.deepEqual(parseNextPage(header), { hasMore: true, cursor: 'cD0yMDI0' });
  });

  test("ends on GlitchTip's last page, whose next link has no cursor", () => {
    assert.deepEqual(parseNextPage('<https://gt.example/api/0/organizations/o/issues/>; rel="next"; results="false"'), {
      hasMore: false,
    });
  });

  test('takes the cursor from the URL when the attribute is missing', () => {
    assert.deepEqual(parseNextPage('<https://h/api/0/x/?a=1&cursor=abc%3D>; rel="next"; results="true"'), {
      hasMore: true,
      cursor: 'abc=',
    });
  });

  test('no header or garbage means no more pages', () => {
    assert.deepEqual(parseNextPage(undefined), { hasMore: false });
    assert.deepEqual(parseNextPage('<<<>>>; rel=next'), { hasMore: false });
  });
});
