// The local server scrubs an event's tags as pairs (scrubTagPairs), apart from its body: each pair must come out as
// scrubbing a body holding those tags gives it, for every scrubbing option, on random keys and values that reach every
// tag rule (user tags, IPs, sensitive names, URLs, e-mails, cards, tokens).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { scrubEventBody, scrubTagPairs, type EventScrubOptions } from '../../../../src/core/privacy/scrubEvent';
import { propertyRuns } from '../../../support/propertyRuns';

const key = fc.oneof(
  fc.constantFrom('user', 'user.ip', 'user.email', 'url', 'referer', 'api_key', 'session', 'order', 'release', 'level'),
  fc.string({ maxLength: 8 }),
);
const value = fc.oneof(
  fc.constantFrom(
    'ip:10.0.0.1',
    'id:42',
    'email:a@b.io',
    'https://user:pw@example.com/a?token=x&q=1',
    '/path?password=y',
    'mail dev@example.com now',
    'card 4111 1111 1111 1111',
    'Bearer abcdefghijklmnop',
    '',
  ),
  fc.string({ maxLength: 12 }),
);
const options = fc.record(
  {
    keepIpAddresses: fc.boolean(),
    allQueryValues: fc.boolean(),
    extraSensitiveKeys: fc.constantFrom([], ['order'], ['']),
    safeKeys: fc.constantFrom([], ['session'], ['api_key']),
  },
  { requiredKeys: [] },
);

function scrubbedInBody(tags: Array<[string, string]>, scrub: EventScrubOptions): Array<[string, string]> {
  const body = scrubEventBody({ tags: tags.map(([k, v]) => ({ key: k, value: v })) }, scrub);
  return body.tags.map(({ key: k, value: v }) => [k, v]);
}

describe('scrubbing tag pairs', () => {
  test('gives each pair as scrubbing a body with those tags does, for every option', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 6 }), options, (tags, scrub) =>
        assert.deepEqual(scrubTagPairs(tags, scrub), scrubbedInBody(tags, scrub)),
      ),
      { numRuns: propertyRuns(2_000) },
    );
  });
});
