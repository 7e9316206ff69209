// What an acknowledgement promises: an event that ingest answered for is in the store's file even if the process is
// killed the moment it answered, before the file's background sync to disk has caught up.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { PersistedStore } from '../../../../src/core/local/store/persistedStore';
import { silentLogger } from '../../../../src/core/log';
import { runNodeScript } from '../../../support/processRun';

const ROUNDS = 3;
const EVENTS_PER_ROUND = 300;

interface AckLine {
  readonly acknowledged: string;
  readonly unsyncedBytes: number;
}

describe('acknowledged events and a killed process', () => {
  const store = mkdtempSync(join(tmpdir(), 'local-ack-store-'));
  after(() => rmSync(store, { recursive: true, force: true }));

  test('a store reopened after a kill right after the last acknowledgement holds every acknowledged event', async () => {
    const acknowledged: string[] = [];
    // Each round reopens the store the last one was killed over, and adds events of its own.
    for (let round = 0; round < ROUNDS; round++) {
      const run = await runNodeScript(
        join(__dirname, 'killedAfterAcksProcess.js'),
        [store, String(EVENTS_PER_ROUND), String(round * EVENTS_PER_ROUND)],
        { cwd: __dirname, env: { PATH: process.env['PATH'] ?? '' }, timeoutMs: 60_000 },
      );
      assert.equal(run.stderr, '');
      const lines = run.stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as AckLine);
      assert.equal(lines.length, EVENTS_PER_ROUND, 'the process acknowledged every event before it was killed');
      // The kill came while acknowledged bytes were not yet known to be on disk: the case this test is about.
      assert.ok((lines.at(-1)?.unsyncedBytes ?? 0) > 0, 'killed with its sync behind');
      acknowledged.push(...lines.map((line) => line.acknowledged));
    }

    const persisted = await PersistedStore.open({ directory: store, log: silentLogger });
    try {
      assert.equal(persisted.loadWarning, undefined);
      const kept = new Set(
        persisted.store.issues().flatMap((issue) => persisted.store.eventsOf(issue.id).map((event) => event.eventId)),
      );
      assert.deepEqual(
        acknowledged.filter((id) => !kept.has(id)),
        [],
      );
    } finally {
      await persisted.close();
    }
  });
});
