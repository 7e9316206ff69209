// A process that ingests events into a store through the real ingest path, 8 at a time, prints each acknowledged event
// id the moment ingest answers for it (with the log's unsynced bytes), and kills itself with SIGKILL right after the
// last acknowledgement, in the same turn of the event loop: its store's background sync cannot have caught up.
// argv: the store directory, the number of events to acknowledge, the number of the first event.
import { writeSync } from 'node:fs';
import { IngestService } from '../../../../src/core/local/ingest/ingestService';
import type { IngestChange } from '../../../../src/core/local/changeFeed';
import { PersistedStore } from '../../../../src/core/local/store/persistedStore';
import { silentLogger } from '../../../../src/core/log';
import { Listeners } from '../../../../src/core/state/listeners';

const IN_FLIGHT = 8;

async function main(): Promise<void> {
  const [directory, countText, firstText] = process.argv.slice(2);
  if (directory === undefined) throw new Error('usage: killedAfterAcksProcess <store directory> <events> <first>');
  const count = Number(countText);
  const first = Number(firstText);
  const persisted = await PersistedStore.open({ directory, log: silentLogger });
  const ingest = new IngestService({
    persisted,
    workspace: undefined,
    feed: new Listeners<IngestChange>(),
    log: silentLogger,
  });
  let next = 0;
  let acknowledged = 0;
  const sender = async (): Promise<void> => {
    while (next < count) {
      const index = first + next++;
      const eventId = index.toString(16).padStart(32, 'a');
      // One issue per event, so that the store's per-issue limit keeps every one of them.
      const payload = {
        event_id: eventId,
        message: 'failure',
        fingerprint: [eventId],
        level: 'error',
        platform: 'node',
      };
      const stored = await ingest.ingestEvent('1', payload, undefined);
      if (!stored.ok) throw new Error(`ingest refused event ${index}: ${stored.error.detail}`);
      // Synchronous, so that the line is out before the kill.
      writeSync(1, `${JSON.stringify({ acknowledged: eventId, unsyncedBytes: persisted.unsyncedBytes })}\n`);
      if (++acknowledged === count) process.kill(process.pid, 'SIGKILL');
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
}

void main().catch((error: unknown) => {
  process.stderr.write(`killedAfterAcksProcess: ${String(error)}\n`);
  process.exit(1);
});
