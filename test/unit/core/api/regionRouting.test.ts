// Proves that on sentry.io no request waits for the organization's region: the configured host serves (sentry.io
// proxies) until the region is known, a remembered region is used at once, and a region the token may not travel to
// is never used.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RegionRouting } from '../../../../src/core/api/regionRouting';
import { RememberedServerFacts } from '../../../../src/core/api/serverFacts';

function deferredLookup() {
  const asked: string[] = [];
  let answer: (url: string | undefined) => void = () => undefined;
  const lookup = (org: string) => {
    asked.push(org);
    return new Promise<string | undefined>((resolve) => (answer = resolve));
  };
  return { asked, lookup, answer: (url: string | undefined) => answer(url) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('the first requests go to sentry.io while the region is asked, later ones to the region', async () => {
  const facts = new RememberedServerFacts();
  const { asked, lookup, answer } = deferredLookup();
  const routing = new RegionRouting('https://sentry.io', lookup, facts);
  assert.equal(routing.serverFor('acme'), undefined, 'does not wait');
  assert.equal(routing.serverFor('acme'), undefined);
  assert.deepEqual(asked, ['acme'], 'asked once');
  answer('https://de.sentry.io');
  await settle();
  assert.equal(routing.serverFor('acme'), 'https://de.sentry.io');
  assert.equal(facts.regionOf('https://sentry.io', 'acme'), 'https://de.sentry.io', 'remembered for the next start');
});

test('a remembered region is used at once, without asking', () => {
  const facts = new RememberedServerFacts();
  facts.rememberRegion('https://sentry.io', 'acme', 'https://us.sentry.io');
  const { asked, lookup } = deferredLookup();
  const routing = new RegionRouting('https://sentry.io', lookup, facts);
  assert.equal(routing.serverFor('acme'), 'https://us.sentry.io');
  assert.deepEqual(asked, []);
});

test('a region the token may not travel to is neither used nor remembered', async () => {
  const facts = new RememberedServerFacts();
  facts.rememberRegion('https://sentry.io', 'other', 'https://evil.example');
  const { asked, lookup, answer } = deferredLookup();
  const routing = new RegionRouting('https://sentry.io', lookup, facts);
  assert.equal(routing.serverFor('other'), undefined, 'a tampered memory is not trusted');
  answer('https://sentry.io.evil.example');
  await settle();
  assert.equal(routing.serverFor('other'), undefined);
  assert.deepEqual(asked, ['other'], 'asked once, not again');
  assert.equal(facts.regionOf('https://sentry.io', 'other'), 'https://evil.example', 'unchanged');
});

test('a failed lookup leaves the configured host serving, and is not retried in the session', async () => {
  const asked: string[] = [];
  const routing = new RegionRouting('https://sentry.io', (org) => {
    asked.push(org);
    return Promise.reject(new Error('offline'));
  });
  assert.equal(routing.serverFor('acme'), undefined);
  await settle();
  assert.equal(routing.serverFor('acme'), undefined);
  assert.deepEqual(asked, ['acme']);
});

test('self-hosted Sentry, GlitchTip and the local Sentry have no regions to ask', () => {
  const { asked, lookup } = deferredLookup();
  for (const url of ['https://sentry.example.com', 'http://127.0.0.1:8969', 'https://acme.sentry.io']) {
    assert.equal(new RegionRouting(url, lookup).serverFor('acme'), undefined);
  }
  assert.deepEqual(asked, []);
});
