// Proves the `*` wildcard matcher equal to the regular expression it replaced on arbitrary patterns and values, and
// that a hostile search (many wildcards over a long value) is answered at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { globMatches } from '../../../../src/core/local/api/globMatch';
import { propertyRuns } from '../../../support/propertyRuns';

/** The definition: each `*` stands for any text, newlines too. Fine on the short strings below. */
function byRegExp(pattern: string, value: string): boolean {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's').test(value);
}

const text = (pieces: string[]) =>
  fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));

test('matches exactly as the regular expression does', () => {
  fc.assert(
    fc.property(
      text(['*', 'a', 'b', 'ab', '.', '\n', '\\']),
      text(['a', 'b', 'ab', 'ba', '.', '\n', '\\']),
      (pattern, value) => {
        assert.equal(globMatches(pattern, value), byRegExp(pattern, value), JSON.stringify({ pattern, value }));
      },
    ),
    { numRuns: propertyRuns(2_000) },
  );
});

test('a search of many wildcards over a long value is answered (the regular expression took minutes)', () => {
  const value = 'e'.repeat(20_000);
  assert.equal(globMatches(`${'*e'.repeat(12)}*x`, value), false);
  assert.equal(globMatches(`${'*e'.repeat(12)}*`, value), true);
});
