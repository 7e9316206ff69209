// Proves where sign-in keeps tokens and who gets them: one secret per normalized server origin, a token only for
// the exact origin it was entered for, replaced on a second sign-in, deleted on sign-out, tampered entries refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SessionStore, type SecretStore } from '../../../../src/editor/auth/sessionStore';
import {
  serverAddress,
  serverLabel,
  sessionKeyOf,
  sessionLabel,
  type StoredSession,
} from '../../../../src/editor/auth/storedSession';

class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

function session(url: string, token: string, email = 'jane@example.com'): StoredSession {
  return { url, token, user: { id: '1', email }, scopes: ['org:read', 'project:read', 'event:read', 'event:write'] };
}

describe('server addresses', () => {
  test('normalizes the URL and binds to its origin', () => {
    assert.deepEqual(serverAddress(' https://sentry.io/api/0/ '), {
      ok: true,
      value: { url: 'https://sentry.io', origin: 'https://sentry.io' },
    });
    assert.deepEqual(serverAddress('https://example.com/sentry/'), {
      ok: true,
      value: { url: 'https://example.com/sentry', origin: 'https://example.com' },
    });
    assert.deepEqual(serverAddress('HTTPS://Sentry.Example.com:443'), {
      ok: true,
      value: { url: 'https://sentry.example.com', origin: 'https://sentry.example.com' },
    });
  });

  test('refuses what is not an http(s) server URL', () => {
    assert.equal(serverAddress('ftp://sentry.io').ok, false);
    assert.equal(serverAddress('sentry.io').ok, false);
    assert.equal(serverAddress('https://user:pw@sentry.io').ok, false);
  });

  test('labels a session as "user @ host"', () => {
    assert.equal(sessionLabel(session('https://sentry.io', 't')), 'jane@example.com @ sentry.io');
    assert.equal(sessionLabel({ url: 'http://127.0.0.1:9000', user: { name: 'Jane' } }), 'Jane @ 127.0.0.1:9000');
    assert.equal(sessionLabel({ url: 'https://example.com/sentry', user: undefined }), 'token @ example.com/sentry');
    assert.equal(serverLabel('https://de.sentry.io'), 'de.sentry.io');
  });
});

describe('token binding', () => {
  test('a token is given only for the exact origin it was entered for', async () => {
    const store = new SessionStore(new MemorySecrets());
    await store.save(session('https://sentry.example.com/sentry', 'self-hosted-token'));
    const tokenFor = async (url: string) => (await store.find(url))?.session.token;
    assert.equal(await tokenFor('https://sentry.example.com'), 'self-hosted-token');
    assert.equal(await tokenFor('https://sentry.example.com/sentry/api/0/'), 'self-hosted-token');
    assert.equal(await tokenFor('http://sentry.example.com'), undefined, 'other scheme');
    assert.equal(await tokenFor('https://sentry.example.com:8443'), undefined, 'other port');
    assert.equal(await tokenFor('https://evil.sentry.example.com'), undefined, 'subdomain');
    assert.equal(await tokenFor('https://sentry.example.com.evil.test'), undefined, 'suffix');
    assert.equal(await tokenFor('not a url'), undefined);
  });

  test('a sentry.io token is not handed to a region host by the store (the client decides about regions)', async () => {
    const store = new SessionStore(new MemorySecrets());
    await store.save(session('https://sentry.io', 'saas-token'));
    assert.equal((await store.find('https://de.sentry.io'))?.session.token, undefined);
  });

  test('an entry whose URL names another host than its key is refused', async () => {
    const secrets = new MemorySecrets();
    const store = new SessionStore(secrets);
    await store.save(session('https://sentry.example.com', 'good'));
    secrets.values.set(
      sessionKeyOf('https://sentry.example.com'),
      JSON.stringify(session('https://attacker.test', 'moved')),
    );
    assert.deepEqual(await store.list(), []);
  });

  test('corrupt entries are skipped, not thrown', async () => {
    const secrets = new MemorySecrets();
    const store = new SessionStore(secrets);
    await store.save(session('https://a.example', 'a'));
    await store.save(session('https://b.example', 'b'));
    secrets.values.set(sessionKeyOf('https://a.example'), '{not json');
    assert.deepEqual(
      (await store.list()).map((server) => server.origin),
      ['https://b.example'],
    );
  });
});

describe('sign-in and sign-out', () => {
  test('several servers are kept side by side; signing in again to one replaces its token', async () => {
    const store = new SessionStore(new MemorySecrets());
    await store.save(session('https://sentry.io', 'first'));
    await store.save(session('https://glitchtip.example', 'gt'));
    await store.save(session('https://sentry.io/', 'second', 'joe@example.com'));
    const servers = await store.list();
    assert.deepEqual(
      servers.map((server) => [server.origin, server.session.token, sessionLabel(server.session)]),
      [
        ['https://sentry.io', 'second', 'joe@example.com @ sentry.io'],
        ['https://glitchtip.example', 'gt', 'jane@example.com @ glitchtip.example'],
      ],
    );
  });

  test('concurrent sign-ins to different servers both end up in the index', async () => {
    const store = new SessionStore(new MemorySecrets());
    await Promise.all([store.save(session('https://a.example', 'a')), store.save(session('https://b.example', 'b'))]);
    assert.equal((await store.list()).length, 2);
  });

  test('sign-out deletes the secret itself, not just the index entry', async () => {
    const secrets = new MemorySecrets();
    const store = new SessionStore(secrets);
    await store.save(session('https://sentry.io', 'secret-token'));
    assert.equal(await store.remove('https://sentry.io'), true);
    assert.equal(await store.find('https://sentry.io'), undefined);
    assert.ok(
      ![...secrets.values.values()].some((value) => value.includes('secret-token')),
      'no copy of the token is left',
    );
    assert.equal(await store.remove('https://sentry.io'), false);
  });
});
