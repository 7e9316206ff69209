// Proves stranger-written text cannot inject terminal escapes, bidi overrides or extra lines into our output.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { oneLine } from '../../../src/core/format/untrustedText';

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
