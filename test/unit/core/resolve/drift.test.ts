// Line drift: finding the frame's line in today's file from the context lines Sentry stored.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lineMatches, locateDriftedLine } from '../../../../src/core/resolve/drift';
import { minifiedBundleFrame, pythonViewFrame, pythonViewsSource } from './exampleFrames';

const lines = pythonViewsSource.split('\n');
const context = pythonViewFrame.context ?? [];

describe('locateDriftedLine', () => {
  test('keeps the line when the file still has the frame line there', () => {
    assert.deepEqual(locateDriftedLine(lines, 18, context), { line: 18, moved: false, stale: false });
  });

  test('follows the line when code was added above it', () => {
    const edited = [...lines.slice(0, 2), '# a comment', 'import logging', '', ...lines.slice(2)];
    assert.deepEqual(locateDriftedLine(edited, 18, context), { line: 21, moved: true, stale: false });
  });

  test('follows the line when code was removed above it', () => {
    const edited = [...lines.slice(0, 4), ...lines.slice(7)];
    assert.deepEqual(locateDriftedLine(edited, 18, context), { line: 15, moved: true, stale: false });
  });

  test('uses neighbouring context to pick among equal lines, before distance', () => {
    // A lone `0/0` right below line 18, and the real view (with its `def get` above) further down.
    const edited = [
      ...lines.slice(0, 17),
      '        pass',
      '        0/0',
      ...Array.from({ length: 6 }, () => ''),
      ...lines.slice(15),
    ];
    const found = locateDriftedLine(edited, 18, context);
    assert.equal(edited[(found?.line ?? 0) - 2]?.trim(), 'def get(self, request, *args, **kwargs):');
    assert.equal(found?.moved, true);
  });

  test('marks the line stale and keeps it when the text is nowhere near', () => {
    const edited = lines.map((line) => (line.includes('0/0') ? '        return 1' : line));
    assert.deepEqual(locateDriftedLine(edited, 18, context), { line: 18, moved: false, stale: true });
  });

  test('does not look beyond the window', () => {
    const edited = [...lines.slice(0, 17), ...Array.from({ length: 60 }, () => 'x = 1'), ...lines.slice(17)];
    assert.deepEqual(locateDriftedLine(edited, 18, context, 50), { line: 18, moved: false, stale: true });
    assert.equal(locateDriftedLine(edited, 18, context, 70)?.line, 78);
  });

  test('without context keeps the line; a line past the end of the file is no line of it', () => {
    assert.deepEqual(locateDriftedLine(lines, 18, []), { line: 18, moved: false, stale: false });
    assert.equal(locateDriftedLine(lines, 500, null), undefined);
  });

  test('counts lines as an editor does: the line after a final line break is past the end', () => {
    const file = 'a\nb\nc\n'.split('\n');
    assert.deepEqual(locateDriftedLine(file, 3, null), { line: 3, moved: false, stale: false });
    assert.equal(locateDriftedLine(file, 4, null), undefined);
    assert.equal(locateDriftedLine(file, 4, [[4, 'gone()']]), undefined);
  });

  test('follows a line past the end of the file when its text is found above', () => {
    const shortened = lines.slice(10);
    assert.deepEqual(locateDriftedLine(shortened, lines.length + 5, [[lines.length + 5, lines[17] ?? '']]), {
      line: 8,
      moved: true,
      stale: false,
    });
  });

  test('does not move a blank frame line unless a neighbour agrees', () => {
    const blankContext: Array<readonly [number, string]> = [
      [3, ''],
      [4, 'unrelated()'],
    ];
    assert.deepEqual(locateDriftedLine(['a', 'b', 'c', 'd', ''], 3, blankContext), {
      line: 3,
      moved: false,
      stale: true,
    });
  });
});

describe('lineMatches', () => {
  test('ignores surrounding whitespace', () => {
    assert.equal(lineMatches('  0/0\t', '        0/0'), true);
    assert.equal(lineMatches('0/1', '0/0'), false);
  });

  test("matches Sentry's {snip}-shortened minified lines by their kept part", () => {
    const expected = minifiedBundleFrame.context?.[1]?.[1] ?? '';
    const actual = `!function(){var a=1}(),(()=>{throw n(185).init({dsn:"http://a00ad5cad416418684270e433baf9c77@172.17.0.1:8000/4",release:"1.0"}),Error("this is an error")})()})();`;
    assert.equal(lineMatches(actual, expected), true);
    assert.equal(lineMatches(actual.replace('this is an error', 'other'), expected), false);
  });
});
