// Proves what the client remembers about servers survives a restart through its storage, and that a corrupt or
// hostile stored value is never trusted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RememberedServerFacts, type StoredFacts } from '../../../../src/core/api/serverFacts';

function memoryStorage(initial?: unknown) {
  const box = { value: initial };
  return { box, storage: { read: () => box.value, write: (facts: StoredFacts) => (box.value = facts) } };
}

test('backends and regions written by one session are read by the next', () => {
  const { box, storage } = memoryStorage();
  const first = new RememberedServerFacts(storage);
  first.rememberBackend('https://glitchtip.example.com', 'glitchtip');
  first.rememberRegion('https://sentry.io', 'acme', 'https://de.sentry.io');
  const next = new RememberedServerFacts({
    read: () => JSON.parse(JSON.stringify(box.value)) as unknown,
    write: () => undefined,
  });
  assert.equal(next.backendOf('https://glitchtip.example.com'), 'glitchtip');
  assert.equal(next.regionOf('https://sentry.io', 'acme'), 'https://de.sentry.io');
  assert.equal(next.regionOf('https://sentry.io', 'other'), undefined);
});

test('a corrupt store is ignored, a wrong entry dropped, and inherited keys never answer', () => {
  for (const stored of ['text', 42, null, [], { backends: 'x', regions: 7 }]) {
    const facts = new RememberedServerFacts(memoryStorage(stored).storage);
    assert.equal(facts.backendOf('https://a.example'), undefined);
  }
  const facts = new RememberedServerFacts(memoryStorage({ backends: { 'https://a.example': 'gitlab' } }).storage);
  assert.equal(facts.backendOf('https://a.example'), undefined);
  assert.equal(facts.backendOf('constructor'), undefined);
  assert.equal(facts.regionOf('__proto__', ''), undefined);
});

test('the store stays bounded, keeping the newest', () => {
  const { box, storage } = memoryStorage();
  const facts = new RememberedServerFacts(storage);
  for (let i = 0; i < 250; i++) facts.rememberBackend(`https://s${i}.example`, 'sentry');
  facts.rememberBackend('https://s0.example', 'glitchtip');
  const stored = box.value as StoredFacts;
  assert.equal(Object.keys(stored.backends).length, 200);
  assert.equal(stored.backends['https://s249.example'], 'sentry');
  assert.equal(stored.backends['https://s0.example'], 'glitchtip', 'a changed entry is the newest');
  assert.equal(stored.backends['https://s50.example'], undefined);
});
