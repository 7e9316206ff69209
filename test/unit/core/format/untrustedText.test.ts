// Proves stranger-written text cannot inject terminal escapes, bidi overrides or extra lines into our output.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { oneLine, pickText } from '../../../../src/core/format/untrustedText';
import { propertyRuns } from '../../../support/propertyRuns';

test('removes ANSI escapes and bidi overrides and joins lines', () => {
  assert.equal(oneLine('Error\u001b[31m red\u001b[0m'), 'Error\ufffd[31m red\ufffd[0m');
  assert.equal(oneLine('a\u202eb'), 'a\ufffdb');
  assert.equal(oneLine('first\r\n  second\nthird'), 'first second third');
});

test('clips long text with an ellipsis', () => {
  assert.equal(oneLine('x'.repeat(300), 10), `${'x'.repeat(9)}…`);
});

test('never yields a control character or a line break, whatever the input', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const out = oneLine(text);
      assert.doesNotMatch(out, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }),
  );
});

/** The rule as regular expressions (quadratic on long whitespace runs): the one-pass version must agree with it. */
function referenceOneLine(text: string, maxLength = 120): string {
  const flat = text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) =>
      char === '\t' ? ' ' : '\ufffd',
    )
    .trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}

test('agrees with the rule written as regular expressions, for any text and length', () => {
  const spaced = fc
    .array(
      fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\v', '\u00a0', '\u2028', '\u202e', '\u001b', '\ufeff', 'é'),
      { maxLength: 60 },
    )
    .map((chars) => chars.join(''));
  fc.assert(
    fc.property(fc.oneof(spaced, fc.string({ unit: 'binary' })), fc.integer({ min: 1, max: 40 }), (text, maxLength) => {
      assert.equal(oneLine(text, maxLength), referenceOneLine(text, maxLength));
    }),
    { numRuns: propertyRuns(2_000) },
  );
});

test('a control at the start of a leading blank run is kept as a placeholder, whatever the length', () => {
  assert.equal(oneLine('\t \u000ba', 1), '…');
  assert.equal(oneLine('\t \u000ba', 2), '\ufffda');
  assert.equal(oneLine(`${' '.repeat(50)}\u000cb`, 3), '\ufffdb');
});

test('stays linear on long whitespace (the regular expressions took quadratic time) and stops when the line is full', () => {
  assert.equal(oneLine(`title${' '.repeat(3_000_000)}x${'y'.repeat(3_000_000)}`, 20), `title${' '.repeat(14)}…`);
  assert.equal(oneLine(`${' \n'.repeat(2_000_000)}title ${'x'.repeat(4_000_000)}`, 20), `title ${'x'.repeat(13)}…`);
});

test('a quick pick text shows $(icon) literally and nothing invisible', () => {
  assert.equal(pickText('Error $(alert) in $(sync~spin)\u202e'), 'Error \\$(alert) in \\$(sync~spin)\ufffd');
  assert.equal(pickText('cost $ (5)'), 'cost $ (5)');
});
