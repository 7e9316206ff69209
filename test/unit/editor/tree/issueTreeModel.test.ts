// Proves what the Sentry view shows for each store state: release and environment rows, issues in the chosen order
// with their workspace frames, status rows for loading, failure and stale data, and triage visible at once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { IssueStore, type FolderState } from '../../../../src/core/state/issueStore';
import {
  folderRows,
  framesOfIssue,
  rootNodes,
  sortIssues,
  type IssueNode,
  type IssueTreeNode,
} from '../../../../src/editor/tree/issueTreeModel';
import { hit, issue, snapshot } from '../../core/state/snapshotFixtures';

const now = new Date('2026-01-10T10:30:00Z');
const options = { sort: 'users' as const, now };

function ready(folderPath: string, overrides: Parameters<typeof snapshot>[0] = {}): FolderState {
  return { folderPath, status: { kind: 'ready' }, stale: false, snapshot: snapshot({ folderPath, ...overrides }) };
}

function kinds(nodes: readonly IssueTreeNode[]): string[] {
  return nodes.map((node) => node.kind);
}

function issueIds(nodes: readonly IssueTreeNode[]): string[] {
  return nodes.filter((node): node is IssueNode => node.kind === 'issue').map((node) => node.issueId);
}

describe('tree layout', () => {
  test('a single-root workspace shows its release, environment and issues at the top level', () => {
    const state = ready('/ws', { issues: [issue({ id: '1' }), issue({ id: '2' })] });
    const nodes = rootNodes([{ path: '/ws', name: 'ws' }], () => state, options);
    assert.deepEqual(kinds(nodes), ['release', 'environment', 'issue', 'issue']);
    const [releaseRow, environmentRow] = nodes;
    assert.deepEqual(releaseRow?.kind === 'release' && releaseRow.release, { version: 'shop@1.2.3', source: 'git' });
    assert.deepEqual(environmentRow?.kind === 'environment' && environmentRow.environments, []);
  });

  test('a multi-root workspace gets one row per folder, each with its own release', () => {
    const states: Record<string, FolderState> = {
      '/a': ready('/a', { release: { version: 'web@2.0.0', source: 'package.json' }, issues: [issue({ id: '1' })] }),
      '/b': ready('/b', { release: { version: 'api@7', source: 'env' }, issues: [] }),
    };
    const nodes = rootNodes(
      [
        { path: '/a', name: 'web' },
        { path: '/b', name: 'api' },
      ],
      (path) => states[path] as FolderState,
      options,
    );
    assert.deepEqual(
      nodes.map((node) => node.kind === 'folder' && node.name),
      ['web', 'api'],
    );
    const [web, api] = nodes;
    const releaseOf = (node: IssueTreeNode | undefined): string | undefined =>
      (node?.kind === 'folder' ? node.children.find((child) => child.kind === 'release') : undefined)?.folderPath;
    assert.equal(releaseOf(web), '/a');
    assert.equal(releaseOf(api), '/b');
    assert.ok(
      api?.kind === 'folder' &&
        api.children.some((child) => child.kind === 'message' && child.text === 'No unresolved issues in api@7.'),
    );
  });

  test('nothing loaded anywhere gives an empty tree, so the welcome content (sign in, select project) shows', () => {
    const idle = (folderPath: string): FolderState => ({ folderPath, status: { kind: 'idle' }, stale: false });
    assert.deepEqual(rootNodes([{ path: '/ws', name: 'ws' }], idle, options), []);
    assert.deepEqual(
      rootNodes(
        [
          { path: '/a', name: 'a' },
          { path: '/b', name: 'b' },
        ],
        idle,
        options,
      ),
      [],
    );
  });

  test('node ids are unique across folders, so VS Code keeps each row apart', () => {
    const states: Record<string, FolderState> = {
      '/a': ready('/a', { issues: [issue({ id: '1' })], hits: [hit({ issueId: '1', folder: '/a' })] }),
      '/b': ready('/b', { issues: [issue({ id: '1' })], hits: [hit({ issueId: '1', folder: '/b' })] }),
    };
    const all: IssueTreeNode[] = [];
    const walk = (nodes: readonly IssueTreeNode[]): void => {
      for (const node of nodes) {
        all.push(node);
        if (node.kind === 'folder') walk(node.children);
        if (node.kind === 'issue') walk(node.frames);
      }
    };
    walk(
      rootNodes(
        [
          { path: '/a', name: 'a' },
          { path: '/b', name: 'b' },
        ],
        (path) => states[path] as FolderState,
        options,
      ),
    );
    assert.equal(new Set(all.map((node) => node.id)).size, all.length);
  });
});

describe('status rows', () => {
  test('loading with nothing yet shows the progress message', () => {
    const rows = folderRows(
      {
        folderPath: '/ws',
        status: { kind: 'loading', message: 'Loading issues of shop@1.2.3: 3 issues' },
        stale: false,
      },
      options,
    );
    assert.deepEqual(
      rows.map((row) => row.kind === 'message' && [row.severity, row.text]),
      [['loading', 'Loading issues of shop@1.2.3: 3 issues']],
    );
  });

  test('a failed first load shows the error message and nothing else', () => {
    const rows = folderRows(
      {
        folderPath: '/ws',
        status: { kind: 'failed', message: 'Sentry at https://sentry.io rejected the auth token (401).' },
        stale: false,
      },
      options,
    );
    assert.deepEqual(
      rows.map((row) => row.kind === 'message' && [row.severity, row.text]),
      [['error', 'Sentry at https://sentry.io rejected the auth token (401).']],
    );
  });

  test('a failed refresh keeps the last issues under a warning that says how old they are', () => {
    const state: FolderState = {
      ...ready('/ws', { issues: [issue({ id: '1' })] }),
      status: { kind: 'failed', message: 'Could not reach Sentry.' },
      stale: true,
    };
    const rows = folderRows(state, options);
    const [first] = rows;
    assert.ok(first?.kind === 'message');
    assert.equal(first.severity, 'warning');
    assert.equal(first.text, 'Refresh failed; showing issues loaded 30 minutes ago');
    assert.equal(first.detail, 'Could not reach Sentry.');
    assert.deepEqual(issueIds(rows), ['1']);
  });

  test('cached data is marked as such until a refresh confirms it', () => {
    const cached: FolderState = {
      ...ready('/ws', { issues: [issue({ id: '1' })] }),
      status: { kind: 'idle' },
      stale: true,
    };
    assert.deepEqual(
      folderRows(cached, options)
        .filter((row) => row.kind === 'message')
        .map((row) => row.kind === 'message' && row.severity),
      ['warning'],
    );
    const refreshing: FolderState = { ...cached, status: { kind: 'loading' } };
    assert.deepEqual(
      folderRows(refreshing, options)
        .filter((row) => row.kind === 'message')
        .map((row) => row.kind === 'message' && row.severity),
      ['loading'],
    );
    assert.deepEqual(
      folderRows(ready('/ws', { issues: [issue({ id: '1' })] }), options).filter((row) => row.kind === 'message'),
      [],
    );
  });
});

describe('issue order', () => {
  const a = issue({ id: 'a', count: '500', userCount: 5, lastSeen: '2026-01-09T00:00:00Z' });
  const b = issue({ id: 'b', count: '20', userCount: 80, lastSeen: '2026-01-01T00:00:00Z' });
  const c = issue({ id: 'c', count: '90', userCount: 10, lastSeen: '2026-01-10T09:00:00Z' });

  test('sorts by users, by events or by last seen, as the setting says', () => {
    assert.deepEqual(
      sortIssues([a, b, c], 'users').map((x) => x.id),
      ['b', 'c', 'a'],
    );
    assert.deepEqual(
      sortIssues([a, b, c], 'events').map((x) => x.id),
      ['a', 'c', 'b'],
    );
    assert.deepEqual(
      sortIssues([a, b, c], 'lastSeen').map((x) => x.id),
      ['c', 'a', 'b'],
    );
  });

  test('uses the release counts (filtered) when the server sent them', () => {
    const manyOverall = issue({ id: 'overall', count: '9000', userCount: 900, filtered: { count: '3', userCount: 1 } });
    const manyInRelease = issue({
      id: 'release',
      count: '100',
      userCount: 10,
      filtered: { count: '50', userCount: 9 },
    });
    assert.deepEqual(
      sortIssues([manyOverall, manyInRelease], 'users').map((x) => x.id),
      ['release', 'overall'],
    );
  });

  test('equal counts keep a stable order by id', () => {
    const same = (id: string) => issue({ id, count: '1', userCount: 1, lastSeen: '2026-01-01T00:00:00Z' });
    assert.deepEqual(
      sortIssues([same('3'), same('1'), same('2')], 'events').map((x) => x.id),
      ['1', '2', '3'],
    );
  });
});

describe('frames', () => {
  test('lists the raising line first, then callers by file and line, each line once', () => {
    const hits = [
      hit({ issueId: '7', role: 'caller', file: 'src/b.ts', line: 9 }),
      hit({ issueId: '7', role: 'caller', file: 'src/a.ts', line: 30 }),
      hit({ issueId: '7', role: 'raised', file: 'src/z.ts', line: 4 }),
      hit({ issueId: '7', role: 'caller', file: 'src/a.ts', line: 30 }),
      hit({ issueId: '8', role: 'raised', file: 'src/other.ts', line: 1 }),
    ];
    assert.deepEqual(
      framesOfIssue('/ws', hits, '7').map((frame) => `${frame.role} ${frame.file}:${frame.line}`),
      ['raised src/z.ts:4', 'caller src/a.ts:30', 'caller src/b.ts:9'],
    );
  });

  test('an issue row carries its frames and its issue id for commands', () => {
    const rows = folderRows(
      ready('/ws', { issues: [issue({ id: '7' })], hits: [hit({ issueId: '7', file: 'src/cart.ts', line: 12 })] }),
      options,
    );
    const row = rows.find((node): node is IssueNode => node.kind === 'issue');
    assert.equal(row?.issueId, '7');
    assert.deepEqual(
      row?.frames.map((frame) => [frame.folder, frame.file, frame.line]),
      [['/ws', 'src/cart.ts', 12]],
    );
  });
});

describe('triage shows at once', () => {
  test('an issue resolved through the store appears resolved in the rebuilt rows, and comes back when rolled back', () => {
    const store = new IssueStore();
    store.setLoaded(snapshot({ folderPath: '/ws', issues: [issue({ id: '1' }), issue({ id: '2' })] }));
    const rollback = store.patchIssue('1', { status: 'resolved' });
    const resolved = folderRows(store.folder('/ws'), options).find(
      (node): node is IssueNode => node.kind === 'issue' && node.issueId === '1',
    );
    assert.equal(resolved?.issue.status, 'resolved');
    assert.match(resolved?.contextValue ?? '', /^issue:resolved/);
    rollback();
    const back = folderRows(store.folder('/ws'), options).find(
      (node): node is IssueNode => node.kind === 'issue' && node.issueId === '1',
    );
    assert.equal(back?.issue.status, 'unresolved');
  });
});
