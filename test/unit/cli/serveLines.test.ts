// Proves what `serve` prints per event: "new" only for an issue the event created; an existing issue in a new release
// and a regression say what they are; other events of an issue already seen in the release print nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingestLine, readItWithLines } from '../../../src/cli/serveCommand';
import type { IngestChange } from '../../../src/core/local/localSentry';

function change(over: Partial<IngestChange>): IngestChange {
  return {
    kind: 'newEvent',
    story: 'again',
    projectId: '1',
    issueId: '3',
    shortId: 'PROJECT-1-3',
    eventId: 'e'.repeat(32),
    title: 'TypeError: cart 7 has no items',
    level: 'error',
    release: 'shop@1.1.0',
    environment: 'development',
    raisedAt: { folder: 'shop', file: 'src/cart.ts', line: 12 },
    issueFirstRelease: 'shop@1.0.0',
    ...over,
  };
}

test('a new issue is "new"', () => {
  assert.equal(
    ingestLine(change({ kind: 'newIssue', story: 'new', issueFirstRelease: 'shop@1.1.0' })),
    'new PROJECT-1-3  src/cart.ts:12  TypeError: cart 7 has no items',
  );
});

test('an existing issue first seen in this release is not "new": it says since when it is known', () => {
  assert.equal(
    ingestLine(change({ story: 'firstInRelease' })),
    'existing PROJECT-1-3  src/cart.ts:12  TypeError: cart 7 has no items  (first seen in shop@1.1.0; known since shop@1.0.0)',
  );
  assert.equal(
    ingestLine(change({ story: 'firstInRelease', issueFirstRelease: undefined })),
    'existing PROJECT-1-3  src/cart.ts:12  TypeError: cart 7 has no items  (first seen in shop@1.1.0)',
  );
});

test('a resolved issue that is back says it regressed', () => {
  assert.equal(
    ingestLine(change({ story: 'regressed' })),
    'regressed PROJECT-1-3  src/cart.ts:12  TypeError: cart 7 has no items  (was resolved; back in shop@1.1.0)',
  );
});

test('another event of an issue already seen in its release prints nothing', () => {
  assert.equal(ingestLine(change({ story: 'again' })), undefined);
});

test('the scan hint runs as printed, and with --token says the token must be in SENTRY_AUTH_TOKEN without printing it', () => {
  const hint = {
    invocation: 'npx sentry-insight',
    url: 'http://127.0.0.1:8963',
    projectId: '7',
    workspace: '/src/my shop',
  };
  assert.deepEqual(readItWithLines({ ...hint, readsNeedToken: false }), [
    "Read it with: npx sentry-insight scan --url http://127.0.0.1:8963 --org local --project 7 --workspace '/src/my shop'",
  ]);
  const withToken = readItWithLines({ ...hint, readsNeedToken: true });
  assert.equal(withToken[0], readItWithLines({ ...hint, readsNeedToken: false })[0]);
  assert.match(withToken[1] ?? '', /SENTRY_AUTH_TOKEN set to the --token value/);
});
