// Proves marks follow edits: lines inserted or deleted above shift them, a deleted line drops its mark, edits inside a
// line keep it, and (property) a kept mark always points at a line that still holds its text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { lineAfterEdit, LineTracker, type LineEdit } from '../../../src/editor/lineTracking';
import { propertyRuns } from '../../support/propertyRuns';

function edit(startLine: number, startChar: number, endLine: number, endChar: number, text: string): LineEdit {
  return {
    range: { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } },
    text,
  };
}

const insertAt = (line: number, character: number, text: string): LineEdit =>
  edit(line, character, line, character, text);

function tracked(lines: number[]): LineTracker<string> {
  return new LineTracker(lines.map((line) => [line, `mark@${String(line)}`] as const));
}

function positions(tracker: LineTracker<string>): Array<[number, readonly string[]]> {
  return [...tracker.lines()];
}

describe('line tracking', () => {
  test('shifts marks below lines inserted above', () => {
    const tracker = tracked([3, 10]);
    assert.equal(tracker.apply([insertAt(1, 0, 'a\nb\n')]), true);
    assert.deepEqual(positions(tracker), [
      [5, ['mark@3']],
      [12, ['mark@10']],
    ]);
  });

  test('shifts marks up when lines above are deleted', () => {
    const tracker = tracked([3, 10]);
    tracker.apply([edit(0, 0, 2, 0, '')]);
    assert.deepEqual(positions(tracker), [
      [1, ['mark@3']],
      [8, ['mark@10']],
    ]);
  });

  test('drops the mark of a deleted line and keeps the others', () => {
    const tracker = tracked([3, 10]);
    assert.equal(tracker.apply([edit(3, 0, 4, 0, '')]), true);
    assert.deepEqual(positions(tracker), [[9, ['mark@10']]]);
    assert.equal(tracker.size, 1);
  });

  test('drops marks on every line inside a deleted block', () => {
    const tracker = tracked([2, 3, 4, 6]);
    tracker.apply([edit(1, 5, 4, 2, '')]);
    assert.deepEqual(positions(tracker), [[3, ['mark@6']]]);
  });

  test('keeps a mark while its own line is typed in', () => {
    const tracker = tracked([3]);
    assert.equal(tracker.apply([insertAt(3, 8, 'x'), edit(3, 2, 3, 6, 'renamed')]), false);
    assert.deepEqual(positions(tracker), [[3, ['mark@3']]]);
  });

  test('keeps a mark on its line when Enter is pressed at its end, moves it when pressed at its start', () => {
    const atEnd = tracked([3]);
    assert.equal(atEnd.apply([insertAt(3, 20, '\n    ')]), false);
    assert.deepEqual(positions(atEnd), [[3, ['mark@3']]]);
    const atStart = tracked([3]);
    atStart.apply([insertAt(3, 0, '\n')]);
    assert.deepEqual(positions(atStart), [[4, ['mark@3']]]);
  });

  test('moves a line joined onto the one above with it, listing both marks there', () => {
    const tracker = tracked([2, 3]);
    tracker.apply([edit(2, 14, 3, 0, '')]);
    assert.deepEqual(positions(tracker), [[2, ['mark@2', 'mark@3']]]);
  });

  test('applies the changes of one event in order, each against the text the previous left', () => {
    const tracker = tracked([5]);
    // Two cursors inserting a line each, sent bottom-up as VS Code does.
    tracker.apply([insertAt(8, 0, 'x\n'), insertAt(1, 0, 'y\n')]);
    assert.deepEqual(positions(tracker), [[6, ['mark@5']]]);
  });

  test('counts a CRLF line break once and a lone CR as a break', () => {
    assert.equal(lineAfterEdit(5, insertAt(0, 0, 'a\r\nb\r\n')), 7);
    assert.equal(lineAfterEdit(5, insertAt(0, 0, 'a\rb')), 6);
  });

  test('reports no change for edits below every mark', () => {
    const tracker = tracked([1, 2]);
    assert.equal(tracker.apply([insertAt(9, 0, 'a\n\n'), edit(4, 0, 7, 3, '')]), false);
  });

  test('keeps an independent copy for the file on disk', () => {
    const tracker = tracked([4]);
    const copy = tracker.clone();
    tracker.apply([insertAt(0, 0, '\n')]);
    assert.deepEqual(positions(copy), [[4, ['mark@4']]]);
    assert.deepEqual(positions(tracker), [[5, ['mark@4']]]);
  });
});

// A model of a document: distinct lines, an edit applied to its text, and the line each mark lands on checked against it.
function applyToLines(lines: readonly string[], change: LineEdit): string[] {
  const { start, end } = change.range;
  const head = (lines[start.line] ?? '').slice(0, start.character);
  const tail = (lines[end.line] ?? '').slice(end.character);
  const middle = `${head}${change.text}${tail}`.split('\n');
  return [...lines.slice(0, start.line), ...middle, ...lines.slice(end.line + 1)];
}

const documentAndEdit = fc
  .array(fc.string({ unit: fc.constantFrom('a', 'b', ' '), maxLength: 6 }), { minLength: 1, maxLength: 12 })
  .map((bodies) => bodies.map((body, index) => `<${String(index)}>${body}`))
  .chain((lines) => {
    const position = fc
      .integer({ min: 0, max: lines.length - 1 })
      .chain((line) =>
        fc.record({ line: fc.constant(line), character: fc.integer({ min: 0, max: (lines[line] as string).length }) }),
      );
    return fc.record({
      lines: fc.constant(lines),
      a: position,
      b: position,
      text: fc.string({ unit: fc.constantFrom('x', '\n'), maxLength: 4 }),
    });
  })
  .map(({ lines, a, b, text }) => {
    const [start, end] = a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
    return { lines, change: { range: { start, end }, text } satisfies LineEdit };
  });

test('a kept mark points at a line that still holds its text; lines outside the edit keep theirs exactly', () => {
  fc.assert(
    fc.property(documentAndEdit, ({ lines, change }) => {
      const after = applyToLines(lines, change);
      const { start, end } = change.range;
      lines.forEach((text, line) => {
        const landed = lineAfterEdit(line, change);
        if (line < start.line || line > end.line) {
          assert.equal(after[landed as number], text);
        } else if (start.line < line && line < end.line) {
          assert.equal(landed, undefined);
        } else if (landed !== undefined) {
          const kept =
            line === start.line && start.character > 0 ? text.slice(0, start.character) : text.slice(end.character);
          const landedText = after[landed] ?? '';
          assert.ok(
            line === start.line && start.character > 0 ? landedText.startsWith(kept) : landedText.endsWith(kept),
            `${text} -> ${landedText}`,
          );
        }
      });
    }),
    { numRuns: propertyRuns(3000) },
  );
});

test('a line whose start was deleted loses its mark', () => {
  fc.assert(
    fc.property(documentAndEdit, ({ lines, change }) => {
      const { start, end } = change.range;
      for (let line = start.line; line <= end.line; line++) {
        const startDeleted = line > start.line || start.character === 0;
        const restDeleted = line < end.line || end.character > 0;
        if (startDeleted && restDeleted && !(line === start.line && line === end.line))
          assert.equal(lineAfterEdit(line, change), undefined, `${String(line)} of ${lines.join('|')}`);
      }
    }),
  );
});
