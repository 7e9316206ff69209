// Proves fault injection, rate-limit headers, the enforced concurrency limit and authentication answers of the fake.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEFAULT_TOKEN,
  FakeSentry,
  FakeSentryOptions,
  faultBodies,
  startFakeSentry,
  tooFrequentMessage,
} from '../../support/fakeSentry';
import { call } from './request';

const issues = '/api/0/organizations/acme/issues/';

async function withFake(options: FakeSentryOptions, run: (fake: FakeSentry) => Promise<void>): Promise<void> {
  const fake = await startFakeSentry(options);
  try {
    await run(fake);
  } finally {
    await fake.close();
  }
}

/** Waits (bounded, about 2 s at most) until the fake has received `count` requests. */
async function requestsArrived(fake: FakeSentry, count: number): Promise<void> {
  for (let n = 0; n < 400 && fake.requests.length < count; n++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(fake.requests.length >= count, `expected ${count} requests, got ${fake.requests.length}`);
}

describe('fault injection', () => {
  test('answers an injected status once with the backend body, then serves normally', async () => {
    await withFake({}, async (fake) => {
      fake.inject({ path: issues, status: 503 });
      const failed = await call(fake, issues);
      assert.equal(failed.status, 503);
      assert.match(failed.text, /503 Service Temporarily Unavailable/);
      assert.equal(failed.headers.get('content-type'), 'text/html');
      assert.equal((await call(fake, issues)).status, 200);
    });
  });

  test('times, method and RegExp paths select which requests fail', async () => {
    await withFake({}, async (fake) => {
      fake.inject({ method: 'PUT', path: /\/issues\/\d+\/$/, status: 500, times: 2 });
      assert.equal((await call(fake, `${issues}1001/`)).status, 200);
      const put = (): Promise<number> =>
        call(fake, `${issues}1001/`, { method: 'PUT', body: { hasSeen: true } }).then((reply) => reply.status);
      assert.deepEqual([await put(), await put(), await put()], [500, 500, 200]);
      const body = (await call(fake, `${issues}1002/`)).body;
      assert.equal((body as { id?: string }).id, '1002');
    });
  });

  test("a 500 carries Sentry's {detail, errorId} body", async () => {
    await withFake({}, async (fake) => {
      fake.inject({ path: issues, status: 500 });
      const reply = await call(fake, issues);
      assert.deepEqual(Object.keys(reply.body as object), ['detail', 'errorId']);
    });
  });

  test('a 429 sends the bare JSON string, plus any headers the test adds', async () => {
    await withFake({}, async (fake) => {
      fake.inject({ path: issues, status: 429, headers: { 'Retry-After': '3' } });
      const reply = await call(fake, issues);
      assert.equal(reply.status, 429);
      assert.equal(reply.body, tooFrequentMessage());
      assert.equal(reply.headers.get('retry-after'), '3');
      fake.inject({ path: issues, status: 429, headers: { 'X-Sentry-Rate-Limit-Reset': '1900000000' } });
      const resetOnly = await call(fake, issues);
      assert.equal(resetOnly.headers.get('retry-after'), null);
      assert.equal(resetOnly.headers.get('x-sentry-rate-limit-reset'), '1900000000');
    });
  });

  test('sends a raw body byte for byte (malformed JSON)', async () => {
    await withFake({}, async (fake) => {
      fake.inject({ path: issues, status: 200, body: faultBodies.malformedJson });
      const reply = await call(fake, issues);
      assert.equal(reply.text, faultBodies.malformedJson);
      assert.equal(reply.body, undefined);
    });
  });

  test('a delay beyond the client timeout hangs the request, and close() cancels the pending delay', async () => {
    const fake = await startFakeSentry();
    try {
      fake.inject({ path: issues, delayMs: 60_000 });
      const client = new AbortController();
      const pending = call(fake, issues, { signal: client.signal });
      await requestsArrived(fake, 1);
      for (let n = 0; n < 400 && fake.pendingDelays === 0; n++) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal(fake.pendingDelays, 1);
      // What a client timeout does: give up on the hung request.
      client.abort();
      await assert.rejects(pending, { name: 'AbortError' });
    } finally {
      await fake.close();
    }
    assert.equal(fake.pendingDelays, 0);
    assert.equal(fake.requests[0]?.status, undefined);
  });

  test('a delay shorter than the client timeout is served after it', async () => {
    await withFake({}, async (fake) => {
      fake.inject({ path: issues, delayMs: 20 });
      assert.equal((await call(fake, issues)).status, 200);
    });
  });

  test('destroySocket drops the connection without an answer', async () => {
    await withFake({}, async (fake) => {
      fake.inject({ path: issues, destroySocket: true });
      await assert.rejects(call(fake, issues), TypeError);
      assert.equal(fake.requests[0]?.status, undefined);
      assert.equal((await call(fake, issues)).status, 200);
    });
  });
});

describe('rate limits', () => {
  test('every Sentry answer, errors included, carries the five rate-limit headers', async () => {
    await withFake({ rateLimit: { limit: 40, remaining: 7 } }, async (fake) => {
      for (const [path, status] of [
        [issues, 200],
        ['/api/0/nowhere/', 404],
      ] as const) {
        const reply = await call(fake, path);
        assert.equal(reply.status, status);
        assert.equal(reply.headers.get('x-sentry-rate-limit-limit'), '40');
        assert.equal(reply.headers.get('x-sentry-rate-limit-remaining'), '7');
        assert.equal(reply.headers.get('x-sentry-rate-limit-concurrentlimit'), '25');
        assert.ok(reply.headers.get('x-sentry-rate-limit-concurrentremaining'));
        assert.ok(
          Number(reply.headers.get('x-sentry-rate-limit-reset')) >= Math.floor(Date.now() / 1000),
          'reset is in epoch seconds',
        );
      }
    });
  });

  test('rateLimit: false sends none, like self-hosted Sentry', async () => {
    await withFake({ rateLimit: false }, async (fake) => {
      assert.equal((await call(fake, issues)).headers.get('x-sentry-rate-limit-limit'), null);
    });
  });

  test('over the concurrency limit a request gets 429 with the bare string body, and the peak is recorded', async () => {
    await withFake({ concurrencyLimit: 2 }, async (fake) => {
      fake.inject({ path: issues, delayMs: 60_000, times: 2 });
      const hung = [call(fake, issues).catch(() => undefined), call(fake, issues).catch(() => undefined)];
      await requestsArrived(fake, 2);
      const refused = await call(fake, `${issues}1001/`);
      assert.equal(refused.status, 429);
      assert.equal(
        refused.body,
        'You are attempting to go above the allowed concurrency for this endpoint. Concurrency limit is 2',
      );
      assert.equal(refused.headers.get('retry-after'), null);
      assert.equal(fake.maxConcurrency, 3);
      await fake.close();
      await Promise.all(hung);
    });
  });

  test('tooManyRequestsBody: detailObject sends {"detail": ...} instead', async () => {
    await withFake({ tooManyRequestsBody: 'detailObject' }, async (fake) => {
      fake.inject({ path: issues, status: 429 });
      assert.deepEqual((await call(fake, issues)).body, { detail: tooFrequentMessage() });
    });
  });
});

describe('authentication', () => {
  test('a missing or unknown token is a 401 Invalid token', async () => {
    await withFake({}, async (fake) => {
      for (const token of [null, 'sntryu_wrong']) {
        const reply = await call(fake, issues, { token });
        assert.deepEqual([reply.status, reply.body], [401, { detail: 'Invalid token' }]);
      }
    });
  });

  test("a token without the scope is a 403 with Sentry's message", async () => {
    await withFake({ tokens: { reader: ['org:read'], ci: ['org:ci'] } }, async (fake) => {
      const reply = await call(fake, issues, { token: 'reader' });
      assert.deepEqual(
        [reply.status, reply.body],
        [403, { detail: 'You do not have permission to perform this action.' }],
      );
      assert.equal((await call(fake, '/api/0/organizations/', { token: 'reader' })).status, 200);
      assert.equal((await call(fake, '/api/0/organizations/acme/releases/', { token: 'ci' })).status, 200);
      assert.equal((await call(fake, `${issues}1001/`, { token: 'ci' })).status, 403);
    });
  });

  test("GET /api/0/ reports the token's scopes, and nulls without a token", async () => {
    await withFake({ tokens: { [DEFAULT_TOKEN]: ['event:read', 'org:read'] } }, async (fake) => {
      const withToken = (await call(fake, '/api/0/')).body as { auth?: { scopes?: string[] }; user?: { id?: string } };
      assert.deepEqual(withToken.auth?.scopes, ['event:read', 'org:read']);
      assert.equal(typeof withToken.user?.id, 'string');
      assert.deepEqual((await call(fake, '/api/0/', { token: null })).body, { version: '0', auth: null, user: null });
      assert.equal((await call(fake, '/api/0/', { token: 'nope' })).status, 401);
    });
  });

  test('records whether each request carried an Authorization header', async () => {
    await withFake({}, async (fake) => {
      await call(fake, '/api/0/', { token: null });
      await call(fake, '/api/0/organizations/?per_page=5');
      assert.deepEqual(
        fake.requests.map((request) => [request.path, request.hasAuthorization, request.status]),
        [
          ['/api/0/', false, 200],
          ['/api/0/organizations/', true, 200],
        ],
      );
      assert.deepEqual(fake.requests[1]?.query, { per_page: ['5'] });
      assert.equal(fake.requests[1]?.authorization, `Bearer ${DEFAULT_TOKEN}`);
    });
  });
});
