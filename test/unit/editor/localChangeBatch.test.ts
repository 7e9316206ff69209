// The window applies the local Sentry's changes merged per burst and one application at a time: a change that arrives
// while one is applied waits for it and is applied next, never lost and never racing it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LocalChange } from '../../../src/core/local/changeFeed';
import { LocalChangeBatch } from '../../../src/editor/localChanges';

async function until(what: string, done: () => boolean): Promise<void> {
  for (let tries = 0; !done(); tries++) {
    if (tries > 500) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test('merges a burst, then applies what came during an application right after it', async () => {
  const applied: LocalChange[] = [];
  let release: () => void = () => undefined;
  let active = 0;
  let mostActive = 0;
  const batch = new LocalChangeBatch(async (change) => {
    applied.push(change);
    active++;
    mostActive = Math.max(mostActive, active);
    await new Promise<void>((resolve) => (release = resolve));
    active--;
  }, 1);
  try {
    batch.add({ issueIds: ['1'] });
    batch.add({ issueIds: ['2', '1'] });
    await until('the first application', () => applied.length === 1);
    assert.deepEqual(applied[0], { issueIds: ['1', '2'] });
    batch.add({ issueIds: ['3'] });
    batch.add({ issueIds: undefined });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(applied.length, 1, 'waits for the application in progress');
    release();
    await until('the second application', () => applied.length === 2);
    assert.deepEqual(applied[1], { issueIds: undefined });
    release();
    assert.equal(mostActive, 1);
  } finally {
    batch.dispose();
  }
});
