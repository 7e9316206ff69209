// The log's event lines: written with the CRC-32 of the body's bytes (bodyCrc32), read back exactly, and logs whose
// lines carry the SHA-1 of their bodies (bodySha1, as written before) still open, keep their SHA-1 through a rewrite
// and still catch a body changed on disk.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, test } from 'node:test';
import fc from 'fast-check';
import { StoredBody } from '../../../../src/core/local/store/eventBody';
import { LineBuffer } from '../../../../src/core/local/store/lineBuffer';
import { LocalStore } from '../../../../src/core/local/store/localStore';
import { PersistedStore } from '../../../../src/core/local/store/persistedStore';
import { readRecordLine } from '../../../../src/core/local/store/storeLines';
import { STORE_FILE, StoreLog } from '../../../../src/core/local/store/storeLog';
import { StoreReadError } from '../../../../src/core/local/store/storeReadError';
import type { EventMeta, StoreRecord } from '../../../../src/core/local/store/storeRecords';
import { silentLogger } from '../../../../src/core/log';
import { propertyRuns } from '../../../support/propertyRuns';
import { errorFacts, tempFolder, type TempFolder } from './localTestSupport';

const facts = errorFacts;

function meta(index: number): EventMeta {
  return {
    eventId: String(index).padStart(32, '0'),
    issueId: '1',
    projectId: '1',
    timestamp: index,
    receivedAt: index,
    tags: [['level', 'error']],
  };
}

/** An event line as logs were written before bodyCrc32: the body checked by its SHA-1 in base64. */
function sha1Line(seq: number, index: number, bodyJson: string): string {
  const sha1 = createHash('sha1').update(bodyJson).digest('base64');
  const head = `{"seq":${seq},"kind":"event","bodyBytes":${Buffer.byteLength(bodyJson)},"bodySha1":"${sha1}","body":`;
  return `${head}${bodyJson},${JSON.stringify({ event: meta(index), facts }).slice(1)}\n`;
}

describe('store log lines', () => {
  let dir: TempFolder;
  let file: string;
  beforeEach(() => {
    dir = tempFolder('store-lines');
    file = join(dir.folder.path, STORE_FILE);
  });
  afterEach(() => dir.remove());

  const bodiesOf = (store: LocalStore, read: (body: StoredBody) => Promise<string>) =>
    Promise.allSettled(store.issues().flatMap((issue) => store.eventsOf(issue.id).map((event) => read(event.body))));

  test("checks a new event line's body by the CRC-32 of its bytes", async () => {
    const persisted = await PersistedStore.open({ directory: dir.folder.path, log: silentLogger });
    const bodyJson = JSON.stringify({ message: 'ünïcödé 🎉' });
    const { records } = persisted.store.addEvent({ ...meta(1), bodyJson }, facts);
    await persisted.commit([...persisted.store.ensureProject('1', 'node', 1).records, ...records]);
    await persisted.close();
    const line = readFileSync(file, 'utf8')
      .split('\n')
      .find((text) => text.includes('"kind":"event"'));
    const expected = crc32(Buffer.from(bodyJson)).toString(16).padStart(8, '0');
    assert.match(
      line ?? '',
      new RegExp(`^\\{"seq":2,"kind":"event","bodyBytes":\\d+,"bodyCrc32":"${expected}","body":`),
    );
  });

  test('opens a log whose lines check bodies by SHA-1, keeps the SHA-1 through a rewrite, and still catches a change', async () => {
    const bodies = [JSON.stringify({ message: 'first ünïcödé' }), JSON.stringify({ message: 'second' })];
    const project = { id: '1', slug: 'p', name: 'P', platform: null, dateCreated: 1 };
    writeFileSync(
      file,
      `{"seq":1,"kind":"project","project":${JSON.stringify(project)}}\n` +
        bodies.map((bodyJson, index) => sha1Line(index + 2, index, bodyJson)).join(''),
    );
    const persisted = await PersistedStore.open({ directory: dir.folder.path, log: silentLogger });
    assert.equal(persisted.loadWarning, undefined);
    assert.deepEqual(
      (await bodiesOf(persisted.store, (body) => persisted.store.bodyText({ ...meta(0), body }))).map((read) =>
        read.status === 'fulfilled' ? read.value : read.reason,
      ),
      bodies,
    );
    await persisted.close();

    const store = new LocalStore();
    const { log } = await StoreLog.open(dir.folder.path, (record) => store.apply(record), silentLogger);
    await log.compact(store.snapshotRecords());
    const rewritten = readFileSync(file);
    for (const bodyJson of bodies)
      assert.ok(rewritten.includes(`"bodySha1":"${createHash('sha1').update(bodyJson).digest('base64')}"`));
    rewritten[rewritten.indexOf('second') + 1] = 'a'.charCodeAt(0);
    writeFileSync(file, rewritten);
    const read = await bodiesOf(store, (body) => log.readBody(body));
    assert.equal(read[0]?.status, 'fulfilled');
    assert.ok(read[1]?.status === 'rejected' && read[1].reason instanceof StoreReadError);
    await log.close();

    const reopened = await PersistedStore.open({ directory: dir.folder.path, log: silentLogger });
    assert.equal(reopened.loaded.repairedRecords, 1, 'the changed body is kept as read, and said so');
    await reopened.close();
  });

  test('reads back each line as written: the record, and its body where the line put it', () => {
    const record = fc.record({
      bodyJson: fc.dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue()).map((body) => JSON.stringify(body)),
      tags: fc.array(fc.tuple(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' })), { maxLength: 4 }),
      release: fc.option(fc.string({ unit: 'grapheme' }), { nil: undefined }),
      kept: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 5 }), fc.nat(1_000), (made, firstSeq) => {
        const records: StoreRecord[] = made.map(({ bodyJson, tags, release, kept }, index) => {
          const event = { ...meta(index), tags, ...(release === undefined ? {} : { release }) };
          const stored = { ...event, body: StoredBody.ofText(bodyJson) };
          return kept ? { kind: 'kept', event: stored } : { kind: 'event', event: stored, facts };
        });
        const lines = new LineBuffer(16);
        const placed = records.map((stored, index) => ({
          start: lines.length,
          at: lines.add(firstSeq + index, stored),
        }));
        const bytes = Buffer.from(lines.bytes);
        for (const [index, { start, at }] of placed.entries()) {
          const end = bytes.indexOf(0x0a, at?.at ?? start);
          const read = readRecordLine(bytes.subarray(start, end), start);
          assert.ok(typeof read === 'object' && 'record' in read);
          assert.equal(read.seq, firstSeq + index);
          assert.equal(read.repaired, false);
          const original = records[index];
          assert.ok(original?.kind === 'event' || original?.kind === 'kept');
          assert.ok(read.record.kind === 'event' || read.record.kind === 'kept');
          assert.equal(read.record.kind, original.kind);
          const { body, ...rest } = read.record.event;
          const { body: _written, ...expected } = original.event;
          assert.deepEqual(rest, expected);
          assert.deepEqual(body.placeInLog, {
            offset: at?.at,
            bytes: Buffer.byteLength(made[index]?.bodyJson ?? ''),
            generation: 0,
          });
          assert.equal(bytes.toString('utf8', at?.at, (at?.at ?? 0) + body.bytes), made[index]?.bodyJson);
        }
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
