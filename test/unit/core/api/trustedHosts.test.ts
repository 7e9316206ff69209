// Proves the token only travels to the host it was configured for (and sentry.io's own regions).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSentryIo, mayCarryToken } from '../../../../src/core/api/trustedHosts';

test('the configured origin may carry the token', () => {
  assert.equal(mayCarryToken('https://sentry.example.com', 'https://sentry.example.com'), true);
  assert.equal(mayCarryToken('http://127.0.0.1:9000', 'http://127.0.0.1:9000'), true);
});

test("a sentry.io token may go to sentry.io's region hosts", () => {
  assert.equal(mayCarryToken('https://sentry.io', 'https://us.sentry.io'), true);
  assert.equal(mayCarryToken('https://sentry.io', 'https://de.sentry.io'), true);
});

test('any other host, port or scheme may not', () => {
  assert.equal(mayCarryToken('https://sentry.example.com', 'https://us.sentry.io'), false);
  assert.equal(mayCarryToken('https://sentry.io', 'https://evil.example'), false);
  assert.equal(mayCarryToken('https://sentry.io', 'https://sentry.io.evil.example'), false);
  assert.equal(mayCarryToken('https://sentry.io', 'http://us.sentry.io'), false);
  assert.equal(mayCarryToken('https://sentry.io', 'https://us.sentry.io:8443'), false);
  assert.equal(mayCarryToken('http://127.0.0.1:9000', 'http://127.0.0.1:9001'), false);
  assert.equal(mayCarryToken('https://sentry.example.com', 'not a url'), false);
});

test('sentry.io and its region hosts are sentry.io; look-alikes and bad URLs are not', () => {
  assert.equal(isSentryIo('https://sentry.io'), true);
  assert.equal(isSentryIo('https://de.sentry.io/api/0/'), true);
  assert.equal(isSentryIo('https://sentry.io.evil.example'), false);
  assert.equal(isSentryIo('https://notsentry.io'), false);
  assert.equal(isSentryIo('not a url'), false);
});
