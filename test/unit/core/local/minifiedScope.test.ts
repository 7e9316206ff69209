// The original name of a compiled frame's function, resolved from its declaration token as Sentry's symbolicator does.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TraceMap } from '@jridgewell/trace-mapping';
import { originalScopeName } from '../../../../src/core/local/process/minifiedScope';

const compiled = ['function a(b) {', '  return b.c.d;', '}'];

function mapWith(firstLine: number[][], names: string[]): TraceMap {
  return new TraceMap({ version: 3, sources: ['src/cart.ts'], names, mappings: [firstLine, [[2, 0, 7, 2]], []] });
}

describe('originalScopeName', () => {
  test('takes the map name at the declared identifier', () => {
    const map = mapWith(
      [
        [0, 0, 5, 0],
        [9, 0, 5, 16, 0],
      ],
      ['cartTotalCents'],
    );
    assert.equal(originalScopeName(map, compiled, 2, 10, 'a'), 'cartTotalCents');
  });

  test('takes the name TypeScript puts on the function keyword when the identifier maps to the same place unnamed', () => {
    const map = mapWith(
      [
        [0, 0, 5, 0, 0],
        [9, 0, 5, 0],
      ],
      ['cartTotalCents'],
    );
    assert.equal(originalScopeName(map, compiled, 2, 10, 'a'), 'cartTotalCents');
  });

  test('ignores the keyword name when the identifier maps elsewhere', () => {
    const map = mapWith(
      [
        [0, 0, 5, 0, 0],
        [9, 0, 5, 16],
      ],
      ['other'],
    );
    assert.equal(originalScopeName(map, compiled, 2, 10, 'a'), 'a');
  });

  test('keeps the declared text when the map names nothing there (the bundler did not rename it)', () => {
    const map = mapWith([[0, 0, 5, 0]], ['unrelated']);
    assert.equal(originalScopeName(map, compiled, 2, 10, 'Object.a'), 'a');
  });

  test('does not borrow the name of an earlier mapping that does not start at the identifier', () => {
    const map = mapWith([[0, 0, 5, 0, 0]], ['unrelated']);
    assert.equal(originalScopeName(map, compiled, 2, 10, 'a'), 'a');
  });

  test('finds nothing for a function not declared before the frame, or an anonymous one', () => {
    const map = mapWith([[0, 0, 5, 0]], []);
    assert.equal(originalScopeName(map, compiled, 2, 10, 'zz'), undefined);
    assert.equal(originalScopeName(map, compiled, 2, 10, null), undefined);
    assert.equal(originalScopeName(map, compiled, 2, 10, 'Object.<anonymous>'), undefined);
  });
});
