// SDK events are read by hand at ingest (ingestEventOf) by the rules of ingestEventSchema: on random events whose
// fields hold what SDKs send and values of every JSON type, both must give the same event, field for field, in the
// same order, with the same fields left undefined, the same `__proto__` keys dropped and the same objects copied
// rather than shared with the payload; and refuse the same payloads.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ingestEventOf } from '../../../../src/core/local/process/ingestEvent';
import { ingestEventSchema, ingestFrameSchema } from '../../../../src/core/local/process/ingestEventSchema';
import { frameFieldValue as junk } from '../../../support/frameFieldValues';
import { propertyRuns } from '../../../support/propertyRuns';

/** An object of these fields and two unknown ones (one `__proto__`, kept by the payload as JSON.parse keeps it). */
function looseObject(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const names = [...Object.keys(fields), 'unknown_field', '__proto__'];
  return fc
    .shuffledSubarray(names)
    .chain((keys) =>
      fc
        .tuple(...keys.map((key) => fc.oneof(fields[key] ?? junk, junk)))
        .map((values) => Object.fromEntries(keys.map((key, index) => [key, values[index]]))),
    );
}

const text = fc.string({ maxLength: 6 });
const number = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
/** Free-form objects (contexts, extra, mechanism…), with a `__proto__` key now and then. */
const bag = fc
  .array(fc.tuple(fc.constantFrom('k0', '1', 'name', '__proto__'), junk), { maxLength: 3 })
  .map((entries) => Object.fromEntries(entries));
const list = fc.array(junk, { maxLength: 3 });
const frame = fc
  .array(fc.tuple(fc.constantFrom(...Object.keys(ingestFrameSchema.shape), '__proto__'), junk), { maxLength: 4 })
  .map((entries) => Object.fromEntries(entries));
const stacktrace = looseObject({
  frames: fc.array(fc.oneof(frame, junk), { maxLength: 3 }),
  frames_omitted: fc.array(number, { maxLength: 2 }),
  registers: bag,
});
const exception = looseObject({
  type: text,
  value: fc.oneof(text, number, fc.boolean()),
  module: text,
  thread_id: fc.oneof(text, number),
  mechanism: bag,
  stacktrace,
});
const thread = looseObject({ id: fc.oneof(text, number), name: text, crashed: fc.boolean(), current: fc.boolean() });
/** `{values: [...]}`, the list itself, or one item. */
const valuesOf = (item: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => {
  const items = fc.array(fc.oneof(item, junk), { maxLength: 3 });
  return fc.oneof(looseObject({ values: items }), items, item);
};
const logEntry = looseObject({ formatted: text, message: text, params: list });
const tagPair = fc.oneof(
  fc.tuple(text),
  fc.tuple(text, junk),
  fc.tuple(text, junk, junk),
  fc.tuple(junk, junk),
  fc.constant([]),
);

const event = looseObject({
  event_id: text,
  timestamp: fc.oneof(number, text),
  level: text,
  logger: text,
  platform: text,
  release: fc.oneof(text, number),
  dist: text,
  environment: text,
  server_name: text,
  transaction: text,
  culprit: text,
  message: fc.oneof(text, logEntry),
  logentry: logEntry,
  exception: valuesOf(exception),
  stacktrace,
  threads: valuesOf(thread),
  fingerprint: fc.array(fc.oneof(text, number, junk), { maxLength: 3 }),
  tags: fc.oneof(bag, fc.array(fc.oneof(tagPair, junk), { maxLength: 3 })),
  user: bag,
  contexts: bag,
  extra: bag,
  sdk: bag,
  request: bag,
  breadcrumbs: valuesOf(bag),
  debug_meta: looseObject({ images: list }),
  modules: bag,
});

/**
 * What a reader of the event can tell apart: each object's keys in order (undefined values included) and prototype,
 * each list's items, numbers by Object.is, and whether a node is one of the payload's own objects or a copy.
 */
function observable(value: unknown, payloadNodes: ReadonlySet<object>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const shared = payloadNodes.has(value);
  if (Array.isArray(value)) return { shared, items: Array.from(value, (item) => observable(item, payloadNodes)) };
  const record = value as Record<string, unknown>;
  return {
    shared,
    plain: Object.getPrototypeOf(value) === Object.prototype,
    entries: Object.keys(record).map((key) => [key, observable(record[key], payloadNodes)]),
  };
}

function nodesOf(value: unknown, nodes = new Set<object>()): Set<object> {
  if (typeof value !== 'object' || value === null || nodes.has(value)) return nodes;
  nodes.add(value);
  for (const item of Object.values(value)) nodesOf(item, nodes);
  return nodes;
}

function assertSameEvent(payload: unknown, label: string): void {
  const parsed = ingestEventSchema.safeParse(payload);
  const nodes = nodesOf(payload);
  assert.deepStrictEqual(
    observable(ingestEventOf(payload), nodes),
    observable(parsed.success ? parsed.data : undefined, nodes),
    label,
  );
}

describe('reading an SDK event by hand', () => {
  test('gives what ingestEventSchema gives, on random events with fields of what SDKs send and of every JSON type', () => {
    fc.assert(
      fc.property(event, (payload) => assertSameEvent(payload, JSON.stringify(payload))),
      { numRuns: propertyRuns(3_000) },
    );
  });

  test('refuses what ingestEventSchema refuses: anything but an object', () => {
    fc.assert(
      fc.property(junk, (payload) => assertSameEvent(payload, JSON.stringify(payload))),
      { numRuns: propertyRuns(500) },
    );
    for (const payload of [null, [], [{}], 'event', 3, true]) {
      assert.equal(ingestEventOf(payload), undefined);
      assert.equal(ingestEventSchema.safeParse(payload).success, false);
    }
  });

  test('reads a Node SDK event whole, and drops `__proto__` keys from a JSON payload as the schema does', () => {
    const payload: unknown = JSON.parse(
      JSON.stringify({
        event_id: 'a'.repeat(32),
        platform: 'node',
        exception: {
          values: [
            {
              type: 'TypeError',
              value: 'x is not a function',
              mechanism: { type: 'generic', handled: true },
              stacktrace: { frames: [{ filename: '/app/a.js', lineno: 3, colno: 5, in_app: true }] },
            },
          ],
        },
        tags: [['route', '/a'], ['lonely']],
        contexts: { runtime: { name: 'node', version: 'v20' } },
        extra_field: { kept: true },
      }).replace('"contexts":{', '"__proto__":{"polluted":1},"contexts":{"__proto__":{"polluted":2},'),
    );
    assertSameEvent(payload, 'node event');
    const read = ingestEventOf(payload);
    assert.equal(read?.exception?.[0]?.stacktrace?.frames[0]?.filename, '/app/a.js');
    assert.deepEqual(Object.keys(read?.contexts ?? {}), ['runtime']);
    assert.equal(Object.hasOwn(read ?? {}, '__proto__'), false);
    assert.deepEqual(read?.tags, [
      ['route', '/a'],
      ['lonely', undefined],
    ]);
  });
});
