// The local server reads plain request targets (`/api/1/envelope/?sentry_key=…`) without building a URL: on random
// targets and Host headers, what it reads must be what `new URL(target, origin)` reads, path and query, and it must
// throw where URL throws.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { requestTargetOf } from '../../../../../src/core/local/server/requestTarget';
import { propertyRuns } from '../../../../support/propertyRuns';

/** Characters of plain targets and of those that are not (dots, escapes, spaces, fragments, backslashes, non-ASCII). */
const targetChar = fc.constantFrom(...'/api1envelope_-?&=+%.~#\\ é:@'.split(''), 'sentry_key', '2F', '..', '//');
const target = fc.array(targetChar, { maxLength: 24 }).map((parts) => parts.join(''));
const origin = fc.constantFrom(
  'http://127.0.0.1:8963',
  'http://localhost',
  'http://127.0.0.1:99999',
  'http://[::1]:80',
  'http://localhost:',
  'http://a b',
);

function readByUrl(path: string, base: string): unknown {
  try {
    const url = new URL(path, base);
    return { pathname: url.pathname, query: [...url.searchParams] };
  } catch {
    return 'throws';
  }
}

function readByTarget(path: string, base: string): unknown {
  try {
    const read = requestTargetOf(path, base);
    return { pathname: read.pathname, query: [...read.searchParams] };
  } catch {
    return 'throws';
  }
}

describe('reading a request target', () => {
  test('reads the path and query URL reads, and throws where URL throws, on random targets and hosts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          target,
          target.map((rest) => `/${rest}`),
        ),
        origin,
        (path, base) => assert.deepEqual(readByTarget(path, base), readByUrl(path, base), `${base} ${path}`),
      ),
      { numRuns: propertyRuns(5_000) },
    );
  });

  test("reads an SDK's envelope target without a URL, and a dotted one through URL", () => {
    const plain = requestTargetOf('/api/1/envelope/?sentry_key=abc&sentry_version=7', 'http://127.0.0.1:8963');
    assert.equal(plain instanceof URL, false);
    assert.equal(plain.pathname, '/api/1/envelope/');
    assert.equal(plain.searchParams.get('sentry_key'), 'abc');
    const dotted = requestTargetOf('/api/0/../1/envelope/', 'http://127.0.0.1:8963');
    assert.equal(dotted instanceof URL, true);
    assert.equal(dotted.pathname, '/api/1/envelope/');
  });
});
