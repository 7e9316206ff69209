// The envelope parser: Sentry's framing (header line, items sized by `length` or by newline), limits, and fuzzing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseEnvelope } from '../../../../src/core/local/envelope/envelopeParser';
import { defaultIngestLimits, type IngestLimits } from '../../../../src/core/local/envelope/ingestLimits';
import { propertyRuns } from '../../../support/propertyRuns';

const limits: IngestLimits = defaultIngestLimits;
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('parseEnvelope', () => {
  test('reads the envelope a Node SDK sends: items delimited by newlines, no lengths', () => {
    const envelope = parseEnvelope(
      bytes(
        '{"event_id":"b9845e35216b4d8abdd08b22f942614c","sent_at":"2026-11-25T04:48:43.466Z"}\n{"type":"event"}\n{"event_id":"b9845e35216b4d8abdd08b22f942614c","level":"error"}',
      ),
      limits,
    );
    assert.ok(envelope.ok);
    assert.equal(envelope.value.headers['event_id'], 'b9845e35216b4d8abdd08b22f942614c');
    assert.deepEqual(
      envelope.value.items.map((item) => item.type),
      ['event'],
    );
    assert.deepEqual(JSON.parse(envelope.value.items[0]?.payload.toString() ?? ''), {
      event_id: 'b9845e35216b4d8abdd08b22f942614c',
      level: 'error',
    });
  });

  test('reads items with a length, whose payload may contain newlines, and a trailing newline', () => {
    const attachment = 'line one\nline two';
    const envelope = parseEnvelope(
      bytes(
        `{}\n{"type":"attachment","length":${Buffer.byteLength(attachment)}}\n${attachment}\n{"type":"session"}\n{"sid":"x"}\n`,
      ),
      limits,
    );
    assert.ok(envelope.ok);
    assert.deepEqual(
      envelope.value.items.map((item) => [item.type, item.payload.toString()]),
      [
        ['attachment', attachment],
        ['session', '{"sid":"x"}'],
      ],
    );
  });

  test('counts the length in bytes, not characters', () => {
    const payload = '{"message":"héllo ✓"}';
    const envelope = parseEnvelope(
      bytes(`{}\n{"type":"event","length":${Buffer.byteLength(payload)}}\n${payload}`),
      limits,
    );
    assert.ok(envelope.ok);
    assert.equal(envelope.value.items[0]?.payload.toString(), payload);
  });

  test('accepts an envelope with a header and no items', () => {
    const envelope = parseEnvelope(bytes('{"sent_at":"2026-01-01T00:00:00Z"}\n'), limits);
    assert.ok(envelope.ok);
    assert.equal(envelope.value.items.length, 0);
  });

  const malformed: Array<[string, string]> = [
    ['an empty body', ''],
    ['a header that is not JSON', 'hello\n'],
    ['a header that is an array', '[]\n{"type":"event"}\n{}'],
    ['an item header without a type', '{}\n{"length":2}\n{}'],
    ['an item header that is not an object', '{}\n"event"\n{}'],
    ['a length beyond the end', '{}\n{"type":"event","length":50}\n{}'],
    ['a negative length', '{}\n{"type":"event","length":-1}\n{}'],
    ['a fractional length', '{}\n{"type":"event","length":0.5}\n{}'],
    ['a sized payload not followed by a newline', '{}\n{"type":"event","length":2}\n{}garbage'],
  ];
  for (const [name, text] of malformed) {
    test(`refuses ${name} with a 400 and a reason`, () => {
      const envelope = parseEnvelope(bytes(text), limits);
      assert.ok(!envelope.ok);
      assert.equal(envelope.error.status, 400);
      assert.match(envelope.error.detail, /invalid envelope/);
    });
  }

  test('refuses an event item over the event size limit with a 413 naming the limit', () => {
    const payload = JSON.stringify({ message: 'x'.repeat(300) });
    const envelope = parseEnvelope(bytes(`{}\n{"type":"event"}\n${payload}`), { ...limits, maxEventBytes: 100 });
    assert.ok(!envelope.ok);
    assert.equal(envelope.error.status, 413);
    assert.match(envelope.error.detail, /event is \d+ bytes; the limit is 100/);
  });

  test('allows other items up to their own, larger limit', () => {
    const payload = 'x'.repeat(300);
    const envelope = parseEnvelope(bytes(`{}\n{"type":"attachment","length":300}\n${payload}`), {
      ...limits,
      maxEventBytes: 100,
    });
    assert.ok(envelope.ok);
  });

  test('refuses more items than the limit with a 413', () => {
    const text = `{}\n${'{"type":"client_report"}\n{}\n'.repeat(4)}`;
    const envelope = parseEnvelope(bytes(text), { ...limits, maxItems: 3 });
    assert.ok(!envelope.ok);
    assert.equal(envelope.error.status, 413);
  });
});

describe('parseEnvelope, fuzzed', () => {
  test('never throws on arbitrary bytes and answers ok, 400 or 413', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (data) => {
        const envelope = parseEnvelope(Buffer.from(data), { ...limits, maxItems: 20, maxEventBytes: 512 });
        assert.ok(envelope.ok || envelope.error.status === 400 || envelope.error.status === 413);
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  test('never throws on mutated valid envelopes', () => {
    const item = fc.record({
      type: fc.constantFrom('event', 'session', 'attachment', 'client_report', 'weird'),
      payload: fc.string({ maxLength: 80 }),
      sized: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 6 }),
        fc.nat(400),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        (items, at, noise) => {
          const text = Buffer.from(serialize(items));
          const cut = Math.min(at, text.length);
          const mutated = Buffer.concat([text.subarray(0, cut), Buffer.from(noise), text.subarray(cut)]);
          const envelope = parseEnvelope(mutated, limits);
          assert.ok(envelope.ok || envelope.error.status === 400 || envelope.error.status === 413);
        },
      ),
      { numRuns: propertyRuns(1000) },
    );
  });

  test('reads back exactly the items it is given, sized or newline-delimited', () => {
    const item = fc.record({
      type: fc.constantFrom('event', 'session', 'attachment', 'client_report', 'statsd'),
      // Newline-delimited payloads cannot contain a newline; sized ones can contain anything.
      payload: fc.string({ maxLength: 80 }),
      sized: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), (items) => {
        const safe = items.map((entry) =>
          entry.sized ? entry : { ...entry, payload: entry.payload.replace(/\n/g, ' ') },
        );
        const envelope = parseEnvelope(Buffer.from(serialize(safe)), limits);
        assert.ok(envelope.ok);
        assert.deepEqual(
          envelope.value.items.map((parsed) => [parsed.type, parsed.payload.toString('utf8')]),
          safe.map((entry) => [entry.type, entry.payload]),
        );
      }),
      { numRuns: propertyRuns(1000) },
    );
  });
});

function serialize(items: ReadonlyArray<{ type: string; payload: string; sized: boolean }>): string {
  let text = '{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc"}\n';
  for (const item of items) {
    const header = item.sized ? { type: item.type, length: Buffer.byteLength(item.payload) } : { type: item.type };
    text += `${JSON.stringify(header)}\n${item.payload}\n`;
  }
  return text;
}
