// The local store: issues by grouping hash per project, counts per release and environment with distinct users, the
// bounds (events overall, per issue, issues), regressions, and the log that rebuilds it all after a restart or a crash.
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import fc from 'fast-check';
import { newIssueDurationMs } from '../../../../src/core/local/store/localIssue';
import { LocalStore } from '../../../../src/core/local/store/localStore';
import { PersistedStore } from '../../../../src/core/local/store/persistedStore';
import { defaultStoreLimits } from '../../../../src/core/local/store/storeLimits';
import { STORE_FILE } from '../../../../src/core/local/store/storeLog';
import { EventGoneError } from '../../../../src/core/local/store/storeReadError';
import type { EventFacts, NewEvent } from '../../../../src/core/local/store/storeRecords';
import { silentLogger } from '../../../../src/core/log';
import { propertyRuns } from '../../../support/propertyRuns';
import { tempFolder, type TempFolder } from './localTestSupport';

let sequence = 0;

function event(over: Partial<NewEvent> = {}): NewEvent {
  sequence++;
  return {
    eventId: sequence.toString(16).padStart(32, '0'),
    projectId: '1',
    timestamp: 1_000_000 + sequence,
    receivedAt: 1_000_000 + sequence,
    tags: [],
    bodyJson: '{}',
    ...over,
  };
}

function facts(hash: string): EventFacts {
  return {
    hash,
    level: 'error',
    platform: 'node',
    title: `Error ${hash}`,
    culprit: 'x',
    type: 'error',
    metadata: {},
    isUnhandled: false,
  };
}

describe('LocalStore', () => {
  test('groups events by hash within a project, and apart across projects', () => {
    const store = new LocalStore();
    const a = store.addEvent(event(), facts('h1'));
    const b = store.addEvent(event(), facts('h1'));
    const c = store.addEvent(event({ projectId: '2' }), facts('h1'));
    assert.equal(a.isNewIssue, true);
    assert.equal(b.isNewIssue, false);
    assert.equal(a.issue.id, b.issue.id);
    assert.notEqual(c.issue.id, a.issue.id);
    assert.equal(a.issue.count, 2);
  });

  test('ignores an event id it already has', () => {
    const store = new LocalStore();
    const first = event();
    store.addEvent(first, facts('h1'));
    const again = store.addEvent({ ...first }, facts('h1'));
    assert.equal(again.duplicate, true);
    assert.equal(again.records.length, 0);
    assert.equal(again.issue.count, 1);
  });

  test('counts events and distinct users per release and environment', () => {
    const store = new LocalStore();
    store.addEvent(event({ release: 'r1', environment: 'dev', userKey: 'id:1' }), facts('h'));
    store.addEvent(event({ release: 'r1', environment: 'dev', userKey: 'id:1' }), facts('h'));
    store.addEvent(event({ release: 'r1', environment: 'prod', userKey: 'id:2' }), facts('h'));
    const { issue } = store.addEvent(event({ release: 'r2', environment: 'prod', userKey: 'email:a@b' }), facts('h'));
    assert.deepEqual([issue.counts.totals().count, issue.counts.totals().userCount], [4, 3]);
    assert.deepEqual(
      [issue.counts.totals({ releases: ['r1'] }).count, issue.counts.totals({ releases: ['r1'] }).userCount],
      [3, 2],
    );
    assert.deepEqual(
      [
        issue.counts.totals({ releases: ['r1'], environments: ['prod'] }).count,
        issue.counts.totals({ environments: ['prod'] }).userCount,
      ],
      [1, 2],
    );
    assert.equal(issue.counts.has({ releases: ['r3'] }), false);
    assert.deepEqual([issue.firstRelease, issue.lastRelease], ['r1', 'r2']);
  });

  test('keeps the newest events per issue and overall', () => {
    const store = new LocalStore({ ...defaultStoreLimits, maxEventsPerIssue: 3, maxEvents: 5 });
    for (let index = 0; index < 6; index++) store.addEvent(event(), facts('busy'));
    const busy = store.issues()[0];
    assert.ok(busy);
    assert.equal(store.eventsOf(busy.id).length, 3);
    assert.equal(busy.count, 6, 'the count stays the total');
    for (let index = 0; index < 4; index++) store.addEvent(event(), facts(`other${index}`));
    assert.equal(store.eventCount, 5);
    assert.equal(store.eventsOf(busy.id).length, 1, 'the oldest events overall went first');
  });

  test('keeps event bodies within maxEventChars, counted as their JSON text, evicting the oldest first', () => {
    const store = new LocalStore({ ...defaultStoreLimits, maxEventChars: 250 });
    const body = (index: number): string => JSON.stringify({ message: `${index}`.padEnd(86, '.') });
    assert.equal(body(0).length, 100);
    for (let index = 0; index < 4; index++) store.addEvent(event({ bodyJson: body(index) }), facts(`h${index}`));
    assert.equal(store.eventCount, 2);
    assert.equal(store.eventChars, 200);
    const kept = store.issues().flatMap((issue) => store.eventsOf(issue.id).map((stored) => stored.body.heldText));
    assert.deepEqual(kept, [body(2), body(3)]);
    assert.equal(store.issues().length, 4, 'the issues stay, with their counts');
  });

  test('drops the issue seen longest ago beyond the issue limit', () => {
    const store = new LocalStore({ ...defaultStoreLimits, maxIssues: 2 });
    store.addEvent(event({ timestamp: 10 }), facts('old'));
    store.addEvent(event({ timestamp: 30 }), facts('new'));
    store.addEvent(event({ timestamp: 20 }), facts('middle'));
    assert.deepEqual(
      store
        .issues()
        .map((issue) => issue.facts.hash)
        .sort(),
      ['middle', 'new'],
    );
  });

  test("keeps a second event's issue new: Sentry turns it ongoing only a week after its first event", () => {
    const store = new LocalStore();
    const { issue } = store.addEvent(event({ timestamp: 1_000 }), facts('h'));
    store.addEvent(event({ timestamp: 2_000 }), facts('h'));
    assert.deepEqual(
      [issue.count, issue.substatusAt(2_000), issue.substatusAt(1_000 + newIssueDurationMs)],
      [2, 'new', 'ongoing'],
    );
  });

  test('reopens a resolved issue as regressed, but not for events of the release it was resolved in', () => {
    const store = new LocalStore();
    const { issue } = store.addEvent(event({ release: 'r1' }), facts('h'));
    store.updateIssue(issue.id, (target) => {
      target.status = 'resolved';
      target.resolvedInRelease = 'r1';
    });
    store.addEvent(event({ release: 'r1' }), facts('h'));
    assert.equal(issue.status, 'resolved');
    store.addEvent(event({ release: 'r2' }), facts('h'));
    assert.deepEqual([issue.status, issue.substatus], ['unresolved', 'regressed']);
  });

  test('tells a new issue from an existing one in a new release and from a regression', () => {
    const store = new LocalStore();
    const story = (added: ReturnType<LocalStore['addEvent']>) => ({
      isNewIssue: added.isNewIssue,
      firstInRelease: added.firstInRelease,
      reopened: added.reopened,
    });
    assert.deepEqual(story(store.addEvent(event({ release: 'r1' }), facts('h'))), {
      isNewIssue: true,
      firstInRelease: false,
      reopened: false,
    });
    assert.deepEqual(story(store.addEvent(event({ release: 'r1' }), facts('h'))), {
      isNewIssue: false,
      firstInRelease: false,
      reopened: false,
    });
    const inR2 = store.addEvent(event({ release: 'r2' }), facts('h'));
    assert.deepEqual(story(inR2), { isNewIssue: false, firstInRelease: true, reopened: false });
    assert.deepEqual(story(store.addEvent(event({ release: 'r2' }), facts('h'))), {
      isNewIssue: false,
      firstInRelease: false,
      reopened: false,
    });
    store.updateIssue(inR2.issue.id, (target) => {
      target.status = 'resolved';
    });
    assert.deepEqual(story(store.addEvent(event({ release: 'r2' }), facts('h'))), {
      isNewIssue: false,
      firstInRelease: false,
      reopened: true,
    });
    assert.equal(
      store.addEvent(event(), facts('h')).firstInRelease,
      false,
      'an event without a release is in no new release',
    );
  });

  test('says when an event names a release no stored event named before, in any issue', () => {
    const store = new LocalStore();
    const newRelease = (release: string | undefined, hash: string) =>
      store.addEvent(event(release === undefined ? {} : { release }), facts(hash)).newRelease;
    assert.deepEqual(
      [
        newRelease('r1', 'a'),
        newRelease('r1', 'a'),
        newRelease('r1', 'b'),
        newRelease('r2', 'b'),
        newRelease(undefined, 'c'),
      ],
      [true, false, false, true, false],
    );
  });
  test('a release named only by an evicted issue is a new release when an event names it again', () => {
    const store = new LocalStore({ ...defaultStoreLimits, maxIssues: 10 });
    assert.equal(store.addEvent(event({ release: 'r1' }), facts('a')).newRelease, true);
    for (let k = 0; k < 10; k++) store.addEvent(event({ release: 'r2' }), facts(`b${k}`));
    assert.deepEqual([...new Set(store.issues().flatMap((issue) => issue.counts.releases()))], ['r2']);
    assert.equal(store.addEvent(event({ release: 'r1' }), facts('c')).newRelease, true);
    assert.equal(store.addEvent(event({ release: 'r2' }), facts('d')).newRelease, false);
  });

  test('keeps the new issue of an event older than every kept issue at the issue limit, and drops the stalest other', () => {
    const store = new LocalStore({ ...defaultStoreLimits, maxIssues: 2 });
    store.addEvent(event({ timestamp: 10 }), facts('a'));
    store.addEvent(event({ timestamp: 20 }), facts('b'));
    const added = store.addEvent(event({ timestamp: 5 }), facts('old'));
    assert.equal(added.isNewIssue, true);
    assert.deepEqual(
      store
        .issues()
        .map((issue) => issue.facts.hash)
        .sort(),
      ['b', 'old'],
    );
    assert.equal(store.eventsOf(added.issue.id).length, 1);
  });

  test('an event names a new release exactly when no kept issue has an event of it, through evictions and reloads', () => {
    const step = fc.record({
      hash: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      release: fc.option(fc.constantFrom('r1', 'r2', 'r3'), { nil: undefined }),
      timestamp: fc.integer({ min: 0, max: 50 }),
      reload: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const limits = { ...defaultStoreLimits, maxIssues: 3 };
        let store = new LocalStore(limits);
        for (const { hash, release, timestamp, reload } of steps) {
          if (reload) {
            const reloaded = new LocalStore(limits);
            for (const record of store.snapshotRecords()) reloaded.apply(record);
            store = reloaded;
          }
          const named = new Set(store.issues().flatMap((issue) => issue.counts.releases()));
          const added = store.addEvent(
            event({ timestamp, ...(release === undefined ? {} : { release }) }),
            facts(hash),
          );
          assert.equal(added.newRelease, release !== undefined && !named.has(release));
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});

describe('PersistedStore', () => {
  let dir: TempFolder;
  beforeEach(() => {
    dir = tempFolder('local-store');
  });
  afterEach(() => dir.remove());

  async function open(limits = defaultStoreLimits): Promise<PersistedStore> {
    return PersistedStore.open({ directory: dir.folder.path, limits, log: silentLogger });
  }

  async function add(persisted: PersistedStore, stored: NewEvent, hash: string): Promise<void> {
    const project = persisted.store.ensureProject(stored.projectId, 'node', 1);
    const added = persisted.store.addEvent(stored, facts(hash));
    await persisted.commit([...project.records, ...added.records]);
  }

  test('rebuilds projects, issues, counts, triage state and events after a restart', async () => {
    const first = await open();
    await add(first, event({ release: 'r1', userKey: 'id:1' }), 'h1');
    await add(first, event({ release: 'r1', userKey: 'id:2' }), 'h1');
    await add(first, event({ projectId: '7' }), 'h2');
    const issueId = first.store.issues()[0]?.id ?? '';
    const change = first.store.updateIssue(issueId, (issue) => {
      issue.status = 'ignored';
      issue.isBookmarked = true;
    });
    await first.commit(change?.records ?? []);
    await first.close();

    const second = await open();
    const issue = second.store.issue(issueId);
    assert.ok(issue);
    assert.deepEqual(
      [issue.status, issue.isBookmarked, issue.count, issue.counts.totals({ releases: ['r1'] }).userCount],
      ['ignored', true, 2, 2],
    );
    assert.equal(second.store.eventsOf(issueId).length, 2);
    assert.deepEqual(
      second.store
        .projects()
        .map((project) => project.id)
        .sort(),
      ['1', '7'],
    );
    // New issues continue the numbering instead of reusing ids.
    await add(second, event(), 'h3');
    assert.equal(new Set(second.store.issues().map((candidate) => candidate.id)).size, 3);
    await second.close();
  });

  test('knows the releases of the events it had before a restart, and after the log is rewritten', async () => {
    const first = await open();
    await add(first, event({ release: 'r1' }), 'h1');
    await first.close();
    const second = await open();
    assert.equal(second.store.addEvent(event({ release: 'r1' }), facts('h2')).newRelease, false);
    await second.close();
    // A damaged line makes the next open rewrite the log from the live state (issues and kept events, no event records).
    const file = join(dir.folder.path, STORE_FILE);
    writeFileSync(file, `${readFileSync(file, 'utf8')}garbage\n`);
    await (await open()).close();
    const rewritten = await open();
    assert.equal(rewritten.store.addEvent(event({ release: 'r1' }), facts('h3')).newRelease, false);
    assert.equal(rewritten.store.addEvent(event({ release: 'r2' }), facts('h3')).newRelease, true);
    await rewritten.close();
  });

  test('gives back each event body exactly as ingest serialized it, after a restart and after compaction', async () => {
    const bodies = [
      JSON.stringify({ message: 'plain' }),
      JSON.stringify({ message: 'ünïcödé, emoji 🎉, a quote " and a newline \n', nested: { list: [1, null, true] } }),
      JSON.stringify({ message: '"body":{"kind":"event"} inside a value', seq: 3 }),
    ];
    const first = await open();
    for (const [index, bodyJson] of bodies.entries()) await add(first, event({ bodyJson }), `h${index}`);
    await first.close();
    const bodiesOf = (persisted: PersistedStore): Promise<string[]> =>
      Promise.all(
        persisted.store
          .issues()
          .flatMap((issue) => persisted.store.eventsOf(issue.id).map((stored) => persisted.store.bodyText(stored))),
      );

    const second = await open();
    assert.deepEqual(await bodiesOf(second), bodies);
    assert.equal(second.loadWarning, undefined);
    await second.close();
    const file = join(dir.folder.path, STORE_FILE);
    // A rewrite (what compaction does) writes them again; they still read back the same.
    writeFileSync(file, `${readFileSync(file, 'utf8')}garbage\n`);
    const third = await open();
    await third.close();
    const fourth = await open();
    assert.deepEqual(await bodiesOf(fourth), bodies);
    assert.equal(fourth.loadWarning, undefined);
    await fourth.close();
  });

  test('keeps a body in memory only until the log holds it, then reads it back from the file', async () => {
    const persisted = await open();
    const bodyJson = JSON.stringify({ message: 'read back' });
    await add(persisted, event({ bodyJson }), 'h');
    const [stored] = persisted.store.eventsOf(persisted.store.issues()[0]?.id ?? '');
    assert.ok(stored);
    assert.equal(stored.body.heldText, undefined, 'the text is let go once written');
    assert.equal(await persisted.store.bodyText(stored), bodyJson);
    await persisted.close();

    const inMemory = new LocalStore();
    const { issue } = inMemory.addEvent(event({ bodyJson }), facts('h'));
    const [kept] = inMemory.eventsOf(issue.id);
    assert.ok(kept);
    assert.equal(await inMemory.bodyText(kept), bodyJson, 'a store without a file keeps the text');
  });

  test('says the file changed under the server when a body read back is not what was written', async () => {
    const persisted = await open();
    await add(persisted, event({ bodyJson: JSON.stringify({ message: 'original' }) }), 'h');
    const file = join(dir.folder.path, STORE_FILE);
    const bytes = readFileSync(file);
    bytes.write('tampered', bytes.indexOf('original'));
    writeFileSync(file, bytes);
    const [stored] = persisted.store.eventsOf(persisted.store.issues()[0]?.id ?? '');
    assert.ok(stored);
    await assert.rejects(persisted.store.bodyText(stored), /changed under the server: .* Restart the server/);
    await persisted.close();
  });

  test('a body read queued behind a rewrite of the log reads the moved body; a let-go event reads as gone', async () => {
    const persisted = await open({ ...defaultStoreLimits, maxEventsPerIssue: 10 });
    const bodyOf = (n: number) => JSON.stringify({ n, pad: 'x'.repeat(100) });
    await add(persisted, event({ bodyJson: bodyOf(0) }), 'h');
    const [first] = persisted.store.eventsOf(persisted.store.issues()[0]?.id ?? '');
    assert.ok(first);
    // Events until a commit starts a rewrite (it runs in the log's queue, after the appends before it).
    const rewriting = () =>
      (persisted as unknown as { compacting: Promise<void> | undefined }).compacting !== undefined;
    let n = 1;
    for (let commits = 0; commits < 1_000 && !rewriting(); commits++) {
      // Fifty events a commit: the rewrite is judged by lines, and a commit waits for the disk.
      const records = [];
      for (let i = 0; i < 50; i++, n++)
        records.push(...persisted.store.addEvent(event({ bodyJson: bodyOf(n) }), facts('h')).records);
      await persisted.commit(records);
    }
    assert.ok(rewriting(), 'a rewrite started');
    const kept = persisted.store.eventsOf(persisted.store.issues()[0]?.id ?? '').at(-1);
    assert.ok(kept && kept !== first, 'the first event was let go, the newest is kept');
    const [keptText, firstText] = await Promise.allSettled([
      persisted.store.bodyText(kept),
      persisted.store.bodyText(first),
    ]);
    assert.deepEqual(keptText, { status: 'fulfilled', value: bodyOf(n - 1) });
    assert.equal(firstText.status, 'rejected');
    assert.ok(firstText.status === 'rejected' && firstText.reason instanceof EventGoneError);
    await persisted.close();
  });

  test('a rewrite that fails leaves the store whole and writing, says why, and is tried again later', async () => {
    const warnings: string[] = [];
    const persisted = await PersistedStore.open({
      directory: dir.folder.path,
      limits: { ...defaultStoreLimits, maxEventsPerIssue: 10 },
      log: { ...silentLogger, warn: (message: string) => warnings.push(message) },
    });
    // The rewrite's temporary file cannot be created: something else holds its name.
    const blocker = join(dir.folder.path, `${STORE_FILE}.tmp`);
    mkdirSync(blocker);
    const commitBatch = async (from: number) => {
      const records = [];
      for (let i = 0; i < 50; i++)
        records.push(...persisted.store.addEvent(event({ bodyJson: `{"n":${from + i}}` }), facts('h')).records);
      await persisted.commit(records);
    };
    let n = 0;
    for (; n < 50_000 && warnings.length === 0; n += 50) await commitBatch(n);
    assert.match(warnings[0] ?? '', /could not rewrite .* keeps growing .* Check the disk/);
    rmSync(blocker, { recursive: true });
    const size = () => readFileSync(join(dir.folder.path, STORE_FILE)).length;
    const grown = size();
    for (let k = 0; k < 400 && size() >= grown; k++, n += 50) await commitBatch(n);
    await persisted.close();
    assert.ok(size() < grown, 'a later rewrite shrank the file');
    const reopened = await open({ ...defaultStoreLimits, maxEventsPerIssue: 10 });
    const kept = reopened.store.eventsOf(reopened.store.issues()[0]?.id ?? '');
    assert.equal(kept.length, 10);
    assert.equal(await reopened.store.bodyText(kept.at(-1) ?? kept[0]!), `{"n":${n - 1}}`);
    await reopened.close();
  });

  test('reads a log whose event bodies are inside the events, as versions before this one wrote them', async () => {
    const project = { id: '1', slug: 'p', name: 'P', platform: null, dateCreated: 1 };
    const stored = { ...event(), issueId: '1', bodyJson: undefined, body: { message: 'old', size: 20 } };
    writeFileSync(
      join(dir.folder.path, STORE_FILE),
      `{"seq":1,"kind":"project","project":${JSON.stringify(project)}}\n` +
        `{"seq":2,"kind":"event","event":${JSON.stringify(stored)},"facts":${JSON.stringify(facts('old'))}}\n`,
    );
    const persisted = await open();
    const issue = persisted.store.issues()[0];
    assert.equal(persisted.loadWarning, undefined);
    assert.deepEqual(
      await Promise.all(
        persisted.store
          .eventsOf(issue?.id ?? '')
          .map(async (kept) => JSON.parse(await persisted.store.bodyText(kept)) as unknown),
      ),
      [{ message: 'old', size: 20 }],
    );
    await persisted.close();
  });

  test('loses only a torn last record, and appends cleanly after it', async () => {
    const first = await open();
    await add(first, event(), 'kept');
    await first.close();
    const file = join(dir.folder.path, STORE_FILE);
    appendFileSync(file, '{"kind":"event","event":{"eventId":"tor');

    const second = await open();
    assert.equal(second.loaded.tornBytes > 0, true);
    assert.equal(second.loadWarning, undefined, 'an unacknowledged record cut short by a crash is no loss');
    assert.equal(second.store.issues().length, 1);
    await add(second, event(), 'after');
    await second.close();

    const third = await open();
    assert.deepEqual(
      third.store
        .issues()
        .map((issue) => issue.facts.hash)
        .sort(),
      ['after', 'kept'],
    );
    assert.deepEqual(third.loaded.damaged, []);
    await third.close();
  });

  test('skips corrupt lines in the middle and keeps the rest', async () => {
    const first = await open();
    await add(first, event(), 'a');
    await first.close();
    const file = join(dir.folder.path, STORE_FILE);
    appendFileSync(file, 'garbage\n{"kind":"nonsense"}\n[1,2]\n');
    const second = await open();
    await add(second, event(), 'b');
    await second.close();
    assert.equal(second.loaded.damaged[0]?.lines, 3);
    assert.match(second.loadWarning ?? '', /3 lines/);
    const third = await open();
    assert.deepEqual(
      third.loaded.damaged,
      [],
      'the damaged lines were dropped by a rewrite, after a copy was kept aside',
    );
    assert.deepEqual(
      third.store
        .issues()
        .map((issue) => issue.facts.hash)
        .sort(),
      ['a', 'b'],
    );
    await third.close();
  });

  test('compacts the log to the live state without changing it', async () => {
    const limits = { ...defaultStoreLimits, maxEventsPerIssue: 2 };
    const first = await open(limits);
    for (let index = 0; index < 1_200; index++)
      await add(first, event({ userKey: `id:${index % 7}` }), `h${index % 3}`);
    await first.close();
    const lines = readFileSync(join(dir.folder.path, STORE_FILE), 'utf8').trim().split('\n').length;
    assert.ok(lines < 1_200, `the log was compacted (${lines} lines)`);
    const second = await open(limits);
    const counts = second.store
      .issues()
      .map((issue) => [
        issue.facts.hash,
        issue.count,
        issue.counts.totals().userCount,
        second.store.eventsOf(issue.id).length,
      ]);
    assert.deepEqual(counts.sort(), [
      ['h0', 400, 7, 2],
      ['h1', 400, 7, 2],
      ['h2', 400, 7, 2],
    ]);
    await second.close();
  });

  test('rewrites a log of large events once it grows well past them, however few its lines', async () => {
    const limits = { ...defaultStoreLimits, maxEventsPerIssue: 1 };
    const first = await open(limits);
    const large = (index: number): string => JSON.stringify({ message: `${index} `.padEnd(1_000_000, 'x') });
    for (let index = 0; index < 20; index++) await add(first, event({ bodyJson: large(index) }), 'one issue');
    const [live] = first.store.issues();
    const [newest] = first.store.eventsOf(live?.id ?? '');
    assert.ok(newest);
    assert.equal(await first.store.bodyText(newest), large(19), 'read from where the rewrite moved it');
    await first.close();
    const bytes = readFileSync(join(dir.folder.path, STORE_FILE)).length;
    // 20 MB were appended; one event of 1 MB is live. Lines alone (22 of them) would never have started a rewrite.
    assert.ok(bytes < 12_000_000, `the log was compacted (${bytes} bytes)`);
    const second = await open(limits);
    const [issue] = second.store.issues();
    assert.equal(issue?.count, 20);
    assert.deepEqual(
      await Promise.all(second.store.eventsOf(issue?.id ?? '').map((stored) => second.store.bodyText(stored))),
      [large(19)],
    );
    assert.equal(second.loadWarning, undefined);
    await second.close();
  });

  test('starts empty from a file of garbage', async () => {
    writeFileSync(join(dir.folder.path, STORE_FILE), '\u0000\u0001 not json\n');
    const store = await open();
    assert.equal(store.store.issues().length, 0);
    await store.close();
  });
});
