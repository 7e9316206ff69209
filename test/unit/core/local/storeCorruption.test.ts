// The store's log under byte-level damage: bytes that are not UTF-8, zeroed parts, a file cut short, garbage appended,
// a folder where the file should be. Every readable record is kept, later writes stay readable, the damaged file is
// copied aside, and the report counts exactly what was lost.
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { PersistedStore } from '../../../../src/core/local/store/persistedStore';
import { STORE_FILE } from '../../../../src/core/local/store/storeLog';
import { StoreOpenError } from '../../../../src/core/local/store/storeOpenError';
import { silentLogger } from '../../../../src/core/log';
import { tempFolder, type TempFolder } from './localTestSupport';

let sequence = 0;

describe('PersistedStore on a damaged file', () => {
  let dir: TempFolder;
  let file: string;
  beforeEach(() => {
    dir = tempFolder('store-damage');
    file = join(dir.folder.path, STORE_FILE);
  });
  afterEach(() => dir.remove());

  const open = (): Promise<PersistedStore> => PersistedStore.open({ directory: dir.folder.path, log: silentLogger });

  async function add(persisted: PersistedStore, hash: string, message = 'plain'): Promise<void> {
    sequence++;
    const project = persisted.store.ensureProject('1', 'node', 1);
    const added = persisted.store.addEvent(
      {
        eventId: sequence.toString(16).padStart(32, '0'),
        projectId: '1',
        timestamp: sequence,
        receivedAt: sequence,
        tags: [],
        bodyJson: JSON.stringify({ message }),
      },
      {
        hash,
        level: 'error',
        platform: 'node',
        title: `Error ${hash}`,
        culprit: 'x',
        type: 'error',
        metadata: {},
        isUnhandled: false,
      },
    );
    await persisted.commit([...project.records, ...added.records]);
  }

  /** A store of `count` events in `count` issues h0…, closed cleanly. */
  async function storeOf(count: number): Promise<void> {
    const persisted = await open();
    for (let index = 0; index < count; index++) await add(persisted, `h${index}`, `message ${index} with ünïcödé`);
    await persisted.close();
  }

  const hashes = (persisted: PersistedStore): string[] => persisted.store.issues().map((issue) => issue.facts.hash);
  const asideCopies = (): string[] => readdirSync(dir.folder.path).filter((name) => name.includes('.damaged-'));

  test('keeps every record around a byte that is not UTF-8, and writes readable records after it', async () => {
    await storeOf(5);
    const bytes = readFileSync(file);
    // Replace the first byte of a two-byte "ü" with 0xff: the record is still JSON, with U+FFFD in the string.
    const at = bytes.indexOf(Buffer.from('ü'), bytes.indexOf('message 1'));
    bytes[at] = 0xff;
    writeFileSync(file, bytes);

    const second = await open();
    assert.equal(hashes(second).length, 5, 'no valid record was cut as torn');
    assert.equal(second.loaded.repairedRecords, 1);
    assert.equal(second.loaded.lostRecords, 0);
    assert.match(second.loadWarning ?? '', /1 record had bytes that are not UTF-8/);
    await add(second, 'after');
    await second.close();

    for (let round = 0; round < 2; round++) {
      const again = await open();
      assert.equal(hashes(again).length, 6, `restart ${round}: the event acknowledged after the repair is still there`);
      assert.equal(again.loadWarning, undefined);
      await again.close();
    }
  });

  test('a broken record between good ones loses only that record, reported as one record', async () => {
    await storeOf(5);
    const bytes = readFileSync(file);
    const start = bytes.indexOf('"h2"');
    bytes.fill(0xfe, start, start + 4);
    writeFileSync(file, bytes);

    const second = await open();
    assert.deepEqual(hashes(second).sort(), ['h0', 'h1', 'h3', 'h4']);
    assert.equal(second.loaded.lostRecords, 1);
    assert.deepEqual(second.loaded.damaged[0]?.kinds, ['not UTF-8 text']);
    assert.equal(asideCopies().length, 1, 'the damaged file is copied aside');
    // The file was rewritten without the damaged record: the bodies moved with the rest and read back whole.
    const bodies = await Promise.all(
      second.store
        .issues()
        .flatMap((issue) => second.store.eventsOf(issue.id).map((kept) => second.store.bodyText(kept))),
    );
    assert.deepEqual(
      bodies.map((text) => (JSON.parse(text) as { message: string }).message),
      ['message 0 with ünïcödé', 'message 1 with ünïcödé', 'message 3 with ünïcödé', 'message 4 with ünïcödé'],
    );
    await second.close();
  });

  test('keeps an event whose body changed on disk but still reads as JSON, and says it was not as written', async () => {
    await storeOf(3);
    const bytes = readFileSync(file);
    // "message 1 …" becomes "massage 1 …": still UTF-8 and JSON, but no longer what its checksum says.
    bytes[bytes.indexOf('message 1') + 1] = 'a'.charCodeAt(0);
    writeFileSync(file, bytes);

    const second = await open();
    assert.equal(hashes(second).length, 3);
    assert.equal(second.loaded.repairedRecords, 1);
    assert.equal(second.loaded.lostRecords, 0);
    assert.match(second.loadWarning ?? '', /1 record had bytes .* changed since written, and were kept as read/);
    const changed = second.store.eventsOf(second.store.issues()[1]?.id ?? '')[0];
    assert.match(changed === undefined ? '' : await second.store.bodyText(changed), /massage 1/);
    await second.close();
  });

  test('an event body that is no longer JSON loses that record only, reported as not JSON', async () => {
    await storeOf(3);
    const bytes = readFileSync(file);
    bytes.write('}}}}}}}}}', bytes.indexOf('"message":"message 1'));
    writeFileSync(file, bytes);

    const second = await open();
    assert.deepEqual(hashes(second).sort(), ['h0', 'h2']);
    assert.equal(second.loaded.lostRecords, 1);
    assert.deepEqual(second.loaded.damaged[0]?.kinds, ['not JSON']);
    await second.close();
  });

  test('an all-zero file is reported as zero bytes, not as a torn record, and the store starts over', async () => {
    writeFileSync(file, Buffer.alloc(1 << 20));
    const persisted = await open();
    assert.equal(persisted.loaded.tornBytes, 0);
    assert.deepEqual(persisted.loaded.damaged, [{ start: 0, end: 1 << 20, lines: 1, kinds: ['zero bytes'] }]);
    assert.match(persisted.loadWarning ?? '', /bytes 0 to 1,048,575 \(1 line\) are zero bytes/);
    assert.equal(asideCopies().length, 1);
    await add(persisted, 'fresh');
    await persisted.close();
    const again = await open();
    assert.deepEqual(hashes(again), ['fresh']);
    await again.close();
  });

  test('a zeroed stretch of 59 records counts 59 lost records, not one corrupt line', async () => {
    await storeOf(100);
    const bytes = readFileSync(file);
    const lineStarts = [0];
    for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) lineStarts.push(index + 1);
    // Records 21 to 79 (and the newlines between them) become zeros: one unreadable "line".
    const from = lineStarts[21] ?? 0;
    const to = (lineStarts[80] ?? 0) - 1;
    bytes.fill(0, from, to);
    writeFileSync(file, bytes);

    const persisted = await open();
    assert.equal(persisted.loaded.lostRecords, 59);
    assert.match(persisted.loadWarning ?? '', /59 records \(events or issue changes\) could not be read/);
    assert.equal(hashes(persisted).length, 100 + 1 - 59 - 1, 'the project record and 41 events are kept');
    await persisted.close();
  });

  test('a file cut short after a clean close reports how many records went missing', async () => {
    await storeOf(2_000);
    const size = readFileSync(file).length;
    truncateSync(file, Math.floor(size / 2));

    const persisted = await open();
    const kept = hashes(persisted).length;
    assert.ok(kept > 900 && kept < 1_100, `kept ${kept}`);
    // 2,001 records were written (the project and 2,000 events): all those not read are counted.
    assert.equal(persisted.loaded.lostRecords, 2_001 - 1 - kept);
    assert.equal(persisted.loaded.shortenedBy, size - Math.floor(size / 2));
    assert.match(persisted.loadWarning ?? '', /shorter than when the store was last closed/);
    assert.equal(asideCopies().length, 1);
    await persisted.close();
  });

  test('garbage appended is reported and dropped; the records before it stay', async () => {
    await storeOf(3);
    appendFileSync(file, 'garbage\n\u0000\u0001junk');
    const persisted = await open();
    assert.equal(hashes(persisted).length, 3);
    assert.equal(persisted.loaded.damaged.length, 1);
    assert.equal(persisted.loaded.damaged[0]?.lines, 2);
    await add(persisted, 'after');
    await persisted.close();
    const again = await open();
    assert.equal(hashes(again).length, 4);
    assert.equal(again.loadWarning, undefined);
    await again.close();
  });

  test('a folder where the store file should be is a StoreOpenError that names the store', async () => {
    mkdirSync(file);
    await assert.rejects(open(), (error: unknown) => {
      assert.ok(error instanceof StoreOpenError);
      assert.equal(error.code, 'EISDIR');
      assert.match(error.message, /local-sentry\.jsonl cannot be opened: it is a folder/);
      return true;
    });
  });

  test('reads a log written before records were numbered, without reporting damage', async () => {
    writeFileSync(
      file,
      `${JSON.stringify({ kind: 'project', project: { id: '1', slug: 'p', name: 'P', platform: null, dateCreated: 1 } })}\n`,
    );
    const persisted = await open();
    assert.equal(persisted.store.projects().length, 1);
    assert.equal(persisted.loadWarning, undefined);
    assert.deepEqual(asideCopies(), []);
    await persisted.close();
    assert.match(readFileSync(file, 'utf8'), /^\{"seq":1,"kind":"project"/, 'rewritten with numbers');
  });
});
