// Proves versions Sentry would refuse are recognized, so they never become candidates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidReleaseVersion } from '../../../../src/core/release/releaseVersion';

test('accepts usual release names', () => {
  for (const version of ['1.2.3', 'web@1.2.3+build.4', 'a'.repeat(40), 'my app 2024-01', 'a'.repeat(200)]) {
    assert.equal(isValidReleaseVersion(version), true, version);
  }
});

test('rejects what Sentry rejects: slashes, backslashes, control breaks, dot names, latest, empty, over 200 characters', () => {
  for (const version of [
    'feature/x',
    'a\\b',
    'a\nb',
    'a\tb',
    'a\rb',
    'a\fb',
    '.',
    '..',
    'latest',
    'LATEST',
    '',
    'a'.repeat(201),
  ]) {
    assert.equal(isValidReleaseVersion(version), false, JSON.stringify(version));
  }
});
