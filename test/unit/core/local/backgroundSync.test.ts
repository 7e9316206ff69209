// The store file's background sync: writes are acknowledged without waiting for the disk while the unsynced bytes stay
// within their bound, share a sync when they come within its delay, wait for the disk beyond the bound or after a
// failed sync, and a close waits for everything written.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BackgroundSync } from '../../../../src/core/local/store/backgroundSync';
import { silentLogger } from '../../../../src/core/log';

/** A file whose syncs finish (or fail) only when the test says so. */
class HeldSyncs {
  readonly pending: Array<{ finish: () => void; fail: (error: Error) => void }> = [];

  datasync(): Promise<void> {
    return new Promise((resolve, reject) => this.pending.push({ finish: resolve, fail: reject }));
  }

  /** Finishes the oldest pending sync, after letting the code waiting on the last one start its next. */
  async finishNext(): Promise<void> {
    await settle();
    this.pending.shift()?.finish();
    await settle();
  }

  async failNext(): Promise<void> {
    await settle();
    this.pending.shift()?.fail(new Error('EIO'));
    await settle();
  }
}

/** Lets every promise continuation queued so far run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Polls `condition` every few milliseconds, for 5 s at most. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5_000) throw new Error('the condition did not come true within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function tracked(promise: Promise<void>): { readonly done: boolean; readonly error: unknown; promise: Promise<void> } {
  const state = { done: false, error: undefined as unknown, promise };
  promise.then(
    () => (state.done = true),
    (error: unknown) => {
      state.done = true;
      state.error = error;
    },
  );
  return state;
}

describe('BackgroundSync', () => {
  test('acknowledges writes within the bound before their sync finishes, and syncs them behind', async () => {
    const file = new HeldSyncs();
    const sync = new BackgroundSync(() => file, { maxLagBytes: 1_000, delayMs: 0 }, silentLogger);
    await sync.wrote(400);
    await sync.wrote(400);
    assert.equal(sync.lagBytes, 800);
    assert.equal(file.pending.length, 1, 'one sync at a time');
    await file.finishNext();
    // The first sync covered the first write; the second write gets a sync of its own.
    assert.equal(sync.lagBytes, 400);
    assert.equal(file.pending.length, 1);
    await file.finishNext();
    assert.equal(sync.lagBytes, 0);
    assert.equal(file.pending.length, 0);
  });

  test('writes within the delay share one sync', async () => {
    const file = new HeldSyncs();
    const sync = new BackgroundSync(() => file, { maxLagBytes: 1_000, delayMs: 20 }, silentLogger);
    await sync.wrote(10);
    await sync.wrote(10);
    await sync.wrote(10);
    await waitFor(() => file.pending.length > 0);
    await file.finishNext();
    assert.equal(sync.lagBytes, 0);
    assert.equal(file.pending.length, 0, 'one sync covered all three writes');
  });

  test('starts the sync at once, not after its delay, when half the bound is unsynced', async () => {
    const file = new HeldSyncs();
    const sync = new BackgroundSync(() => file, { maxLagBytes: 1_000, delayMs: 60_000 }, silentLogger);
    await sync.wrote(100);
    await settle();
    assert.equal(file.pending.length, 0, 'a small lag waits for the delay');
    await sync.wrote(400);
    await settle();
    assert.equal(file.pending.length, 1, 'half the bound: syncing now');
    await sync.wrote(400);
    await file.finishNext();
    assert.equal(sync.lagBytes, 400);
    assert.equal(file.pending.length, 0, 'less than half the bound left: the next sync waits for the delay again');
    await sync.wrote(200);
    await settle();
    assert.equal(file.pending.length, 1, 'and starts at once when the lag reaches half the bound again');
    await file.finishNext();
    assert.equal(sync.lagBytes, 0);
  });

  test('a write past the bound waits until everything written is synced', async () => {
    const file = new HeldSyncs();
    const sync = new BackgroundSync(() => file, { maxLagBytes: 1_000, delayMs: 0 }, silentLogger);
    await sync.wrote(600);
    const second = tracked(sync.wrote(600));
    await settle();
    assert.equal(second.done, false);
    await file.finishNext();
    assert.equal(second.done, false, 'the first sync did not cover the second write');
    await file.finishNext();
    await second.promise;
    assert.equal(sync.lagBytes, 0);
  });

  test('with a bound of 0 every write waits for its sync', async () => {
    const file = new HeldSyncs();
    const sync = new BackgroundSync(() => file, { maxLagBytes: 0, delayMs: 0 }, silentLogger);
    const write = tracked(sync.wrote(1));
    await settle();
    assert.equal(write.done, false);
    await file.finishNext();
    await write.promise;
    assert.equal(sync.lagBytes, 0);
  });

  test('after a failed sync, writes wait for a sync again and fail while the disk does', async () => {
    const file = new HeldSyncs();
    const sync = new BackgroundSync(() => file, { maxLagBytes: 1_000, delayMs: 0 }, silentLogger);
    await sync.wrote(10);
    await file.failNext();
    const failing = tracked(sync.wrote(10));
    await file.failNext();
    await settle();
    assert.equal(failing.done, true);
    assert.match(String(failing.error), /EIO/);
    const recovering = tracked(sync.wrote(10));
    await settle();
    assert.equal(recovering.done, false, 'still waits for the disk');
    await file.finishNext();
    await recovering.promise;
    assert.equal(recovering.error, undefined);
    // Synced again: the next write is acknowledged before its sync.
    await sync.wrote(10);
    assert.equal(sync.lagBytes, 10);
  });

  test('settled waits for every byte written so far', async () => {
    const file = new HeldSyncs();
    const sync = new BackgroundSync(() => file, { maxLagBytes: 1_000, delayMs: 0 }, silentLogger);
    await sync.wrote(10);
    await sync.wrote(10);
    const settled = tracked(sync.settled());
    await file.finishNext();
    assert.equal(settled.done, false);
    await file.finishNext();
    await settled.promise;
    assert.equal(sync.lagBytes, 0);
    await sync.settled();
  });
});
