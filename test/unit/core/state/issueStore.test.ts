// Proves the editor's state rules: last good data survives a failed refresh, the cache never overrides fresh data,
// and a triage change shows everywhere at once and rolls back exactly.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { issueSchema } from '../../../../src/core/api/issueSchema';
import { IssueIndex } from '../../../../src/core/index/issueIndex';
import { silentLogger } from '../../../../src/core/log';
import { IssueStore } from '../../../../src/core/state/issueStore';
import { parseSnapshot, snapshotOf, type IssueSnapshot } from '../../../../src/core/state/snapshot';
import { SnapshotFiles } from '../../../../src/core/state/snapshotFiles';
import { optimisticPatch } from '../../../../src/core/state/triagePatch';

const folderPath = '/ws';

function snapshot(overrides: Partial<IssueSnapshot> = {}): IssueSnapshot {
  const issue = issueSchema.parse({
    id: '1',
    shortId: 'SHOP-1',
    title: 'TypeError',
    status: 'unresolved',
    count: '5',
    userCount: 2,
    project: { id: '9' },
  });
  const index = new IssueIndex();
  index.add({
    issueId: '1',
    shortId: 'SHOP-1',
    title: 'TypeError',
    level: 'error',
    role: 'raised',
    count: 5,
    userCount: 2,
    folder: folderPath,
    file: 'src/a.ts',
    line: 3,
    moved: false,
    stale: false,
  });
  const base = snapshotOf(
    {
      backend: 'sentry',
      project: { id: '9', slug: 'shop' },
      release: { version: 'shop@1', source: 'git' },
      issues: [issue],
      events: new Map(),
      index,
      unresolvedFrames: 0,
      unresolvedByIssue: new Map(),
      missing: [],
      framesOnly: new Set(),
      environments: [],
      warnings: [],
    },
    {
      connection: { url: 'https://sentry.io', org: 'acme', project: 'shop' },
      folderPath,
      environments: [],
      now: new Date('2026-11-25T10:00:00Z'),
    },
  );
  return { ...base, ...overrides };
}

describe('IssueStore', () => {
  test('a failed refresh keeps the last good data, marked stale, and reports the failure', () => {
    const store = new IssueStore();
    const changes: boolean[] = [];
    store.onDidChange((change) => changes.push(change.dataChanged));
    store.setLoaded(snapshot());
    store.setFailed(folderPath, 'Sentry answered 503');
    const state = store.folder(folderPath);
    assert.equal(state.status.kind, 'failed');
    assert.equal(state.stale, true);
    assert.equal(state.snapshot?.issues.length, 1);
    assert.equal(store.hitsInFile(folderPath, 'src/a.ts').length, 1);
    assert.deepEqual(changes, [true, false]);
  });

  test('the cache is shown stale until a load, and never replaces loaded data', () => {
    const store = new IssueStore();
    store.setRestored(snapshot());
    assert.equal(store.folder(folderPath).stale, true);
    store.setLoaded(snapshot({ loadedAt: '2026-11-25T11:00:00.000Z' }));
    store.setRestored(snapshot({ loadedAt: '2026-11-20T00:00:00.000Z' }));
    assert.equal(store.folder(folderPath).snapshot?.loadedAt, '2026-11-25T11:00:00.000Z');
    assert.equal(store.folder(folderPath).stale, false);
  });

  test('a triage patch shows at once and rolls back exactly', () => {
    const store = new IssueStore();
    store.setLoaded(snapshot());
    const rollback = store.patchIssue('1', optimisticPatch({ action: 'resolve' }));
    assert.equal(store.findIssue('1')?.issue.status, 'resolved');
    rollback();
    assert.equal(store.findIssue('1')?.issue.status, 'unresolved');
  });

  test("a folder's related issues are found by id, patched and rolled back, and go with the folder", () => {
    const store = new IssueStore();
    const loaded = snapshot();
    store.setLoaded(loaded);
    const gone = { ...loaded.issues[0]!, id: '99', shortId: 'SHOP-GONE', status: 'resolved' };
    store.setRelatedIssues(folderPath, [gone]);
    assert.equal(store.findIssue('99')?.folder.folderPath, folderPath);
    assert.equal(
      store.hitsInFile(folderPath, 'src/cart.ts').some(([, hits]) => hits.some((hit) => hit.issueId === '99')),
      false,
      'never marked',
    );
    const rollback = store.patchIssue('99', optimisticPatch({ action: 'unresolve' }));
    assert.equal(store.findIssue('99')?.issue.status, 'unresolved');
    rollback();
    assert.equal(store.findIssue('99')?.issue.status, 'resolved');
    store.clear(folderPath);
    assert.equal(store.findIssue('99'), undefined);
  });
});

describe('optimisticPatch', () => {
  test('expresses each change as Sentry would report it', () => {
    assert.deepEqual(optimisticPatch({ action: 'archive', until: 'escalating' }), {
      status: 'ignored',
      substatus: 'archived_until_escalating',
      statusDetails: {},
    });
    assert.deepEqual(optimisticPatch({ action: 'resolveInNextRelease' }).statusDetails, { inNextRelease: true });
    assert.deepEqual(optimisticPatch({ action: 'assign', assignee: 'user:7' }, { id: '7', name: 'Jane' }).assignedTo, {
      type: 'user',
      id: '7',
      name: 'Jane',
      email: undefined,
    });
    assert.deepEqual(optimisticPatch({ action: 'assign', assignee: 'team:3' }).assignedTo, {
      type: 'team',
      id: '3',
      name: undefined,
      email: undefined,
    });
    assert.deepEqual(optimisticPatch({ action: 'unassign' }), { assignedTo: undefined });
  });
});

describe('snapshot cache', () => {
  test('round-trips through the cache files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sentry-insight-cache-'));
    try {
      const files = new SnapshotFiles(dir, silentLogger);
      await files.write(snapshot());
      const read = await files.read(folderPath);
      assert.deepEqual(read, parseSnapshot(JSON.parse(JSON.stringify(snapshot()))));
      assert.equal(read?.hits[0]?.line, 3);
      assert.deepEqual(
        readdirSync(dir).filter((name) => name.endsWith('.tmp')),
        [],
        'no temp file left behind',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a corrupt or foreign cache file is ignored, not trusted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sentry-insight-cache-'));
    try {
      const files = new SnapshotFiles(dir, silentLogger);
      await files.write(snapshot());
      const [name] = readdirSync(dir);
      writeFileSync(join(dir, name as string), '{"version": 1, "issues": [tru');
      assert.equal(await files.read(folderPath), undefined);
      writeFileSync(join(dir, name as string), JSON.stringify({ ...snapshot(), version: 99 }));
      assert.equal(await files.read(folderPath), undefined);
      assert.equal(await files.read('/never-cached'), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
