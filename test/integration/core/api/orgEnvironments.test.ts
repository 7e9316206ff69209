// Proves the client call behind the environment picker against the fake Sentry and GlitchTip over 127.0.0.1: the
// organization's environments by name, and a refusal that arrives as an ApiError with a message, not a throw.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import { silentLogger } from '../../../../src/core/log';
import { DEFAULT_TOKEN, scenario, startFakeSentry, type Flavour } from '../../../support/fakeSentry';

async function environmentsFrom(flavour: Flavour, token: string = DEFAULT_TOKEN) {
  const fake = await startFakeSentry({ flavour });
  const client = SentryClient.create({
    baseUrl: fake.url,
    token,
    log: silentLogger,
    backend: flavour,
    retry: { maxRetries: 0 },
    timeoutMs: 2000,
  });
  try {
    return {
      answer: await client.environments(scenario.org),
      requests: fake.requestsTo(`/api/0/organizations/${scenario.org}/environments/`),
    };
  } finally {
    await client.close();
    await fake.close();
  }
}

for (const flavour of ['sentry', 'glitchtip'] as const) {
  test(`lists the organization's environments on ${flavour}`, async () => {
    const { answer, requests } = await environmentsFrom(flavour);
    assert.ok(answer.ok, answer.ok ? '' : answer.error.message);
    assert.ok(answer.value.length > 0);
    assert.ok(answer.value.some((environment) => environment.name === 'production'));
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.hasAuthorization, true);
  });
}

test('a rejected token comes back as an unauthorized ApiError with a user-facing message', async () => {
  const { answer } = await environmentsFrom('sentry', 'not-a-known-token');
  assert.equal(answer.ok, false);
  assert.equal(!answer.ok && answer.error.kind, 'unauthorized');
  assert.match(!answer.ok ? answer.error.message : '', /rejected the auth token/);
});
