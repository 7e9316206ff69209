// The log's group commit: records appended in one turn of the event loop (the requests a server reads together under
// load, each in a callback of its own) go to the file in one write, and each is acknowledged only once it is there.
import assert from 'node:assert/strict';
import fs, { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { LocalStore } from '../../../../src/core/local/store/localStore';
import { STORE_FILE, StoreLog } from '../../../../src/core/local/store/storeLog';
import type { StoreRecord } from '../../../../src/core/local/store/storeRecords';
import { silentLogger } from '../../../../src/core/log';
import { errorFacts, tempFolder, type TempFolder } from './localTestSupport';

const facts = errorFacts;

function eventRecords(store: LocalStore, index: number): readonly StoreRecord[] {
  return store.addEvent(
    {
      eventId: String(index).padStart(32, '0'),
      projectId: '1',
      timestamp: index,
      receivedAt: index,
      tags: [],
      bodyJson: JSON.stringify({ message: `event ${index}` }),
    },
    facts,
  ).records;
}

describe('store log batches', () => {
  let dir: TempFolder;
  beforeEach(() => (dir = tempFolder('log-batching')));
  afterEach(() => dir.remove());

  test('records appended by separate callbacks of one turn are written together, and acknowledged once written', async (t) => {
    const store = new LocalStore();
    const { log } = await StoreLog.open(dir.folder.path, () => undefined, silentLogger);
    await log.append(store.ensureProject('1', 'node', 1).records);
    const file = join(dir.folder.path, STORE_FILE);
    const linesBefore = log.lineCount;
    const writes = t.mock.method(fs, 'writeSync');

    // Three callbacks of one check phase, as three requests read in one poll would be: each appends its event.
    const acknowledged = await new Promise<Array<Promise<void>>>((resolve) => {
      const appends: Array<Promise<void>> = [];
      for (let index = 0; index < 3; index++)
        setImmediate(() => {
          appends.push(log.append(eventRecords(store, index)));
          if (appends.length === 3) resolve(appends);
        });
    });
    await acknowledged[0];
    assert.equal(writes.mock.callCount(), 1, 'one write for the three');
    const text = readFileSync(file, 'utf8');
    for (let index = 0; index < 3; index++)
      assert.ok(text.includes(`"message":"event ${index}"`), `event ${index} is in the file with the first one`);
    assert.equal(log.lineCount, linesBefore + 3);
    await Promise.all(acknowledged);
    await log.close();
  });
});
