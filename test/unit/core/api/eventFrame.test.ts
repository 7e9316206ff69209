// An event's frames are read by hand (eventFramesOf) by the rules of eventFrameSchema: on frame lists whose fields
// have every JSON type, both must give the same frames (a field of an unexpected type dropped, camelCase before
// snake_case, context pairs checked) and drop the same lists.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { eventFramesOf } from '../../../../src/core/api/eventFrame';
import { eventFrameSchema, eventSchema, stackOfEvent, type IssueEvent } from '../../../../src/core/api/eventSchema';
import { frameFieldValue as jsonValue } from '../../../support/frameFieldValues';
import { propertyRuns } from '../../../support/propertyRuns';

const referenceFrames = z.array(eventFrameSchema).catch([]);

/** Every field the schema names, and two it does not (dropped). */
const FIELDS = [...Object.keys(eventFrameSchema.in.shape), 'rawFunction', 'trust'];

const frame = fc.dictionary(fc.constantFrom(...FIELDS), jsonValue);

function assertSameFrames(items: unknown[], label: string): void {
  assert.deepEqual(eventFramesOf(items), referenceFrames.parse(items), label);
}

describe('reading an event frame by hand', () => {
  test('gives what eventFrameSchema gives, on random frames with fields of every JSON type', () => {
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 3 }), (frames) => assertSameFrames(frames, JSON.stringify(frames))),
      { numRuns: propertyRuns(2_000) },
    );
  });

  test('drops the whole list when one item is not a frame object, as the schema does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(frame, jsonValue), { maxLength: 4 }), (items) =>
        assertSameFrames(items, JSON.stringify(items)),
      ),
      { numRuns: propertyRuns(1_000) },
    );
  });

  test('reads a well-formed frame whole: snake_case fallbacks, context from context_line, vars kept', () => {
    const frames = [
      {
        filename: 'app.js',
        abs_path: '/srv/app.js',
        lineno: 3,
        colNo: 10,
        in_app: true,
        context_line: 'boom()',
        vars: { x: 1 },
        rawFunction: 'dropped',
      },
      {
        filename: 'lib.js',
        lineNo: 7,
        context: [
          [6, 'a'],
          [7, null, 'extra'],
        ],
        vars: null,
      },
    ];
    assertSameFrames(frames, 'well-formed');
    assert.deepEqual(eventFramesOf(frames), [
      {
        filename: 'app.js',
        absPath: '/srv/app.js',
        module: undefined,
        function: undefined,
        lineNo: 3,
        colNo: 10,
        inApp: true,
        platform: undefined,
        context: [[3, 'boom()']],
        vars: { x: 1 },
      },
      {
        filename: 'lib.js',
        absPath: undefined,
        module: undefined,
        function: undefined,
        lineNo: 7,
        colNo: undefined,
        inApp: undefined,
        platform: undefined,
        context: [
          [6, 'a'],
          [7, null],
        ],
      },
    ]);
  });

  test("an event's exception keeps its frames, and a frames list that is no list gives none", () => {
    const event = (frames: unknown): IssueEvent =>
      eventSchema.parse({
        id: '1',
        entries: [{ type: 'exception', data: { values: [{ type: 'Error', stacktrace: { frames } }] } }],
      });
    const frames = stackOfEvent(event([{ filename: 'a.js', lineNo: 1 }])).exceptions[0]?.stacktrace?.frames;
    assert.deepEqual(
      frames?.map((frame) => [frame.filename, frame.lineNo]),
      [['a.js', 1]],
    );
    assert.deepEqual(stackOfEvent(event('frames')).exceptions[0]?.stacktrace?.frames, []);
  });
});
