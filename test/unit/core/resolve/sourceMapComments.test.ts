// Reading sourceMappingURL and debugId comments and inline data: URLs from compiled scripts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  debugIdOf,
  inlineSourceMapText,
  normalizeDebugId,
  sourceMappingUrlOf,
} from '../../../../src/core/resolve/sourceMapComments';

describe('sourceMapComments', () => {
  test('takes the last sourceMappingURL comment, not one quoted in the code', () => {
    const script =
      'const s = "sourceMappingURL=fake.map";\n//# sourceMappingURL=old.map\nrun();\n//# sourceMappingURL=bundle.js.map\n';
    assert.equal(sourceMappingUrlOf(script), 'bundle.js.map');
    assert.equal(sourceMappingUrlOf('x();\n//@ sourceMappingURL=legacy.js.map'), 'legacy.js.map');
    assert.equal(sourceMappingUrlOf('const s = "sourceMappingURL=fake.map";'), undefined);
  });

  test('reads the debugId comment and normalises IDs for comparison', () => {
    assert.equal(
      debugIdOf('x();\n//# debugId=C3A6EC5A-5D3B-4B55-9D0B-0C7E0CBD5F4E\n'),
      'c3a6ec5a5d3b4b559d0b0c7e0cbd5f4e',
    );
    assert.equal(
      normalizeDebugId('c3a6ec5a5d3b4b559d0b0c7e0cbd5f4e'),
      normalizeDebugId('C3A6EC5A-5D3B-4B55-9D0B-0C7E0CBD5F4E'),
    );
  });

  test('decodes base64 and percent-encoded inline maps, and nothing else', () => {
    const json = '{"version":3}';
    assert.equal(
      inlineSourceMapText(`data:application/json;charset=utf-8;base64,${Buffer.from(json).toString('base64')}`),
      json,
    );
    assert.equal(inlineSourceMapText(`data:application/json,${encodeURIComponent(json)}`), json);
    assert.equal(inlineSourceMapText('bundle.js.map'), undefined);
    assert.equal(inlineSourceMapText('https://cdn.example.com/bundle.js.map'), undefined);
  });
});
