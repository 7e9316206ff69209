// scrubText filters credentials, card numbers, private keys and e-mail addresses inside text; most texts have none, and
// a first search lets them through untouched, which must never let one of these through.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scrubText } from '../../../../src/core/privacy/sensitiveData';

describe('scrubText', () => {
  test('filters each kind of secret, whatever the case of the scheme word', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['mail someone@example.com now', 'mail [Filtered] now'],
      ['GET https://admin:hunter2@example.com/x', 'GET https://[Filtered]@example.com/x'],
      ['Authorization: Bearer abcdefghijklmnop', 'Authorization: Bearer [Filtered]'],
      ['auth basic QWxhZGRpbjpvcGVu', 'auth basic [Filtered]'],
      ['header TOKEN\tabcdefghijkl', 'header TOKEN [Filtered]'],
      ['card 4111 1111 1111 1111 declined', 'card [Filtered] declined'],
      ['card 4111-1111-1111-1111', 'card [Filtered]'],
      ['key -----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- end', 'key [Filtered] end'],
    ];
    for (const [text, scrubbed] of cases) assert.equal(scrubText(text), scrubbed, text);
  });

  test('leaves text without secrets as it was, digits that fail the card check included', () => {
    for (const text of [
      'at level3 (src/fail.ts:4:11)',
      'order 1234567890123 shipped',
      'Bearer short',
      'no-mail@',
      'tokens are counted',
    ])
      assert.equal(scrubText(text), text);
  });
});
