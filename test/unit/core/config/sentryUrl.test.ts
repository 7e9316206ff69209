// Proves server URLs are checked and normalized, and that rejection reasons never repeat secrets from the input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeSentryUrl } from '../../../../src/core/config/sentryUrl';

function normalized(raw: string): string | undefined {
  const result = normalizeSentryUrl(raw);
  return result.ok ? result.value : undefined;
}

describe('normalizeSentryUrl', () => {
  test('strips trailing slashes and a trailing /api/0', () => {
    assert.equal(normalized('https://sentry.io/'), 'https://sentry.io');
    assert.equal(normalized('https://sentry.io'), 'https://sentry.io');
    assert.equal(normalized('https://de.sentry.io/api/0/'), 'https://de.sentry.io');
    assert.equal(normalized('https://sentry.io/api/0'), 'https://sentry.io');
    assert.equal(normalized('  http://localhost:9000//  '), 'http://localhost:9000');
  });

  test('keeps a path prefix of a self-hosted install', () => {
    assert.equal(normalized('https://example.com/sentry/api/0/'), 'https://example.com/sentry');
  });

  test('lower-cases the host and drops a default port', () => {
    assert.equal(normalized('HTTPS://Sentry.Example.COM:443/'), 'https://sentry.example.com');
  });

  test('rejects other schemes and bare host names', () => {
    assert.equal(normalizeSentryUrl('ftp://sentry.io').ok, false);
    assert.equal(normalizeSentryUrl('file:///etc/passwd').ok, false);
    assert.equal(normalizeSentryUrl('sentry.example.com').ok, false);
    assert.equal(normalizeSentryUrl('').ok, false);
  });

  test('rejects credentials and queries without repeating them', () => {
    const withPassword = normalizeSentryUrl('https://alice:s3cret@sentry.io');
    assert.equal(withPassword.ok, false);
    if (!withPassword.ok) assert.doesNotMatch(withPassword.error, /s3cret|alice/);
    const withQuery = normalizeSentryUrl('https://sentry.io/?token=s3cret');
    assert.equal(withQuery.ok, false);
    if (!withQuery.ok) assert.doesNotMatch(withQuery.error, /s3cret/);
  });
});
