// A rewrite of the store's log copies kept bodies as bytes: read in stretches (bytesOfPlaces gives each body's exact
// bytes whatever the order and sizes of the places), and written as the old file holds them, never decoded.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import fc from 'fast-check';
import type { BodyPlace } from '../../../../src/core/local/store/eventBody';
import { LocalStore } from '../../../../src/core/local/store/localStore';
import { bytesOfPlaces } from '../../../../src/core/local/store/logReadAhead';
import { STORE_FILE, StoreLog } from '../../../../src/core/local/store/storeLog';
import type { StoreRecord } from '../../../../src/core/local/store/storeRecords';
import { silentLogger } from '../../../../src/core/log';
import { propertyRuns } from '../../../support/propertyRuns';
import { tempFolder, type TempFolder } from './localTestSupport';

/** A file in memory that counts its reads and may read fewer bytes than asked, as read() may. */
function memoryFile(bytes: Buffer, maxRead = Infinity): Pick<FileHandle, 'read'> & { reads: number } {
  const file = {
    reads: 0,
    read: (buffer: Buffer, offset: number, length: number, position: number) => {
      file.reads++;
      const from = Math.min(position, bytes.length);
      const bytesRead = bytes.copy(buffer, offset, from, Math.min(from + Math.min(length, maxRead), bytes.length));
      return Promise.resolve({ bytesRead, buffer });
    },
  };
  return file as unknown as Pick<FileHandle, 'read'> & { reads: number };
}

async function all(places: readonly BodyPlace[], file: Pick<FileHandle, 'read'>, stretch: number): Promise<string[]> {
  const read: string[] = [];
  for await (const bytes of bytesOfPlaces(file, places, stretch)) read.push(bytes.toString('latin1'));
  return read;
}

describe('bytesOfPlaces', () => {
  test('gives each place its own bytes, in any order and size, and fewer bytes past the end of the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 300 }),
        fc.array(fc.record({ offset: fc.nat(320), bytes: fc.nat(120) }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 64 }),
        async (content, placed, stretch, maxRead) => {
          const bytes = Buffer.from(content);
          const places = placed.map((place) => ({ ...place, generation: 0 }));
          const expected = places.map(({ offset, bytes: length }) =>
            bytes.subarray(Math.min(offset, bytes.length), Math.min(offset + length, bytes.length)).toString('latin1'),
          );
          assert.deepEqual(await all(places, memoryFile(bytes, maxRead), stretch), expected);
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  test('reads bodies lying one after another with one read per stretch, not one per body', async () => {
    const file = memoryFile(Buffer.alloc(100_000, 'x'));
    const places = Array.from({ length: 1_000 }, (_, index) => ({ offset: index * 100, bytes: 90, generation: 0 }));
    assert.equal((await all(places, file, 10_000)).length, 1_000);
    assert.equal(file.reads, 10);
  });
});

describe('StoreLog rewrite', () => {
  let dir: TempFolder;
  beforeEach(() => (dir = tempFolder('log-rewrite')));
  afterEach(() => dir.remove());

  const facts = {
    hash: 'h',
    level: 'error',
    platform: 'node',
    title: 'Error',
    culprit: 'x',
    type: 'error' as const,
    metadata: {},
    isUnhandled: false,
  };

  test('copies each kept body byte for byte as the file holds it, without decoding it', async () => {
    const store = new LocalStore();
    const { log } = await StoreLog.open(dir.folder.path, () => undefined, silentLogger);
    const records: StoreRecord[] = [...store.ensureProject('1', 'node', 1).records];
    for (let index = 0; index < 3; index++)
      records.push(
        ...store.addEvent(
          {
            eventId: String(index).padStart(32, '0'),
            projectId: '1',
            timestamp: index,
            receivedAt: index,
            tags: [],
            bodyJson: JSON.stringify({ message: `body ${index} ünïcödé` }),
          },
          facts,
        ).records,
      );
    await log.append(records);
    // A byte that is not UTF-8 put in the second body under the running log (the store does not look until read).
    const file = join(dir.folder.path, STORE_FILE);
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('body 1') + 5] = 0xff;
    writeFileSync(file, bytes);

    await log.compact(store.snapshotRecords());
    const rewritten = readFileSync(file);
    assert.notEqual(rewritten.indexOf(Buffer.from('"message":"body \xff ', 'latin1')), -1, 'the byte as it was');
    assert.equal(rewritten.indexOf(Buffer.from('\ufffd')), -1, 'no replacement character');
    const bodies = await Promise.allSettled(
      store.issues().flatMap((issue) => store.eventsOf(issue.id).map((event) => log.readBody(event.body))),
    );
    assert.deepEqual(
      bodies.map((body) => body.status),
      ['fulfilled', 'rejected', 'fulfilled'],
      'the changed body is still told apart from what was written',
    );
    await log.close();
  });
});
