// Proves the checks around a pasted token: blank or spaced text is refused, an organization token (sntrys_) is
// flagged, and missing scopes are named with what they break, counting higher scopes as covering lower ones.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  missingScopes,
  missingScopesWarning,
  tokenFormatError,
  tokenKindWarning,
} from '../../../../src/editor/auth/tokenChecks';

const orgToken = `sntrys_${Buffer.from(JSON.stringify({ iat: 1, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme' })).toString('base64')}_secretpart`;

test('refuses blank text and text with spaces, accepts a plain token', () => {
  assert.ok(tokenFormatError('   '));
  assert.ok(tokenFormatError('abc def'));
  assert.equal(tokenFormatError('  sntryu_0123456789abcdef  '), undefined);
});

test('flags organization auth tokens, which cannot read issues', () => {
  assert.match(tokenKindWarning(orgToken) ?? '', /organization auth token \(sntrys_\)/);
  assert.equal(tokenKindWarning('sntryu_0123456789abcdef'), undefined);
});

test('names missing scopes; admin and write cover read', () => {
  assert.deepEqual(missingScopes(['org:read', 'project:read', 'event:read', 'event:write']), []);
  assert.deepEqual(missingScopes(['org:admin', 'project:write', 'event:admin']), []);
  assert.deepEqual(missingScopes(['org:read', 'project:read', 'event:read']), ['event:write']);
  assert.deepEqual(missingScopes(['org:ci']), ['org:read', 'project:read', 'event:read', 'event:write']);
  assert.deepEqual(missingScopes([]), [], 'a server that reports no scopes is not second-guessed');
});

test('the warning says what will not work', () => {
  assert.equal(
    missingScopesWarning(['org:read', 'project:read', 'event:read']),
    'The token lacks the scope event:write: resolve, archive and assign will fail.',
  );
  assert.match(missingScopesWarning(['org:read', 'project:read']) ?? '', /issues cannot be read/);
  assert.equal(missingScopesWarning(['org:read', 'project:read', 'event:write']), undefined);
});
