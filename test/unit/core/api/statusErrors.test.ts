// Proves how an unsuccessful answer is told: a web page answering 404 is not "organization not found" but a server
// that does not look like Sentry, while Sentry's own 404s (JSON or empty) stay "not found".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isConfigurationError } from '../../../../src/core/api/errors';
import { errorForStatus } from '../../../../src/core/api/statusErrors';
import { LOCAL_AUTH_CHALLENGE } from '../../../../src/core/local/localRealm';

const what = {
  subject: 'the projects of organization "acme"',
  scope: 'org:read',
  notFound: 'organization "acme" was not found',
};

test('a 404 web page says the server does not look like Sentry, and is a configuration problem', () => {
  const error = errorForStatus(
    404,
    '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>',
    what,
    'https://example.com',
    'GET /api/0/organizations/acme/projects/',
  );
  assert.equal(error.kind, 'notSentry');
  assert.match(error.message, /^https:\/\/example\.com does not look like a Sentry server: .*web page \(404\)/);
  assert.doesNotMatch(error.message, /was not found/);
  assert.ok(isConfigurationError(error));
});

test("Sentry's own 404s, in JSON or empty, stay not found", () => {
  for (const body of ['{"detail":"The requested resource does not exist"}', '']) {
    const error = errorForStatus(404, body, what, 'https://sentry.io', 'GET /api/0/organizations/acme/projects/');
    assert.equal(error.kind, 'notFound', body);
    assert.match(error.message, /organization "acme" was not found/);
  }
});

test("a local Sentry's 401 (its challenge) asks for the server's own token; Sentry's 401 for an auth token", () => {
  const local = errorForStatus(
    401,
    '{"detail":"Invalid token: it is not this local Sentry\'s."}',
    what,
    'http://127.0.0.1:8963',
    'PUT /api/0/organizations/local/issues/1/',
    { challenge: LOCAL_AUTH_CHALLENGE },
  );
  assert.equal(local.kind, 'unauthorized');
  assert.match(local.message, /^The local Sentry at http:\/\/127\.0\.0\.1:8963 needs its own token .*local-api-token/);
  assert.match(local.message, /The server said: "Invalid token/);
  assert.doesNotMatch(local.message, /rejected the auth token|settings\/account/);
  const sentry = errorForStatus(
    401,
    '{"detail":"Invalid token"}',
    what,
    'https://sentry.io',
    'GET /api/0/organizations/acme/projects/',
  );
  assert.match(sentry.message, /^Sentry at https:\/\/sentry\.io rejected the auth token \(401\)/);
});
