// Frames are read by hand at ingest (ingestFrameOf) by the rules of ingestFrameSchema: on frames whose fields have
// every JSON type, both must give the same frame (a field of an unexpected type dropped, unknown fields kept) and
// refuse the same items.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ingestFrameOf } from '../../../../src/core/local/process/ingestFrame';
import { ingestFrameSchema } from '../../../../src/core/local/process/ingestEventSchema';
import { frameFieldValue as jsonValue } from '../../../support/frameFieldValues';
import { propertyRuns } from '../../../support/propertyRuns';

/** Every field the schema names, and two it does not (kept as they are). */
const FIELDS = [...Object.keys(ingestFrameSchema.shape), 'unknown_field', 'addr_mode'];

/** As the frame reads: fields holding undefined are as good as absent. */
function comparable(frame: unknown): unknown {
  return frame === undefined ? undefined : (JSON.parse(JSON.stringify(frame)) as unknown);
}

function assertSameFrame(item: unknown, label: string): void {
  const parsed = ingestFrameSchema.safeParse(item);
  assert.deepEqual(comparable(ingestFrameOf(item)), comparable(parsed.success ? parsed.data : undefined), label);
}

describe('reading an SDK frame by hand', () => {
  test('gives what ingestFrameSchema gives, on random frames with fields of every JSON type', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FIELDS), jsonValue), (frame) =>
        assertSameFrame(frame, JSON.stringify(frame)),
      ),
      { numRuns: propertyRuns(2_000) },
    );
  });

  test('keeps a well-formed frame whole and refuses what is not an object, as ingestFrameSchema does', () => {
    const frame = {
      filename: 'app.js',
      lineno: 3,
      colno: 10,
      in_app: true,
      pre_context: ['a', null, 7],
      context_line: 'b',
      vars: { x: 1 },
      lineno_extra: 'kept',
    };
    assertSameFrame(frame, 'well-formed');
    assert.deepEqual(comparable(ingestFrameOf(frame)), { ...frame, pre_context: ['a', null, null] });
    for (const item of [null, 'frame', 3, [], [{ filename: 'x' }], true]) assertSameFrame(item, JSON.stringify(item));
  });
});
