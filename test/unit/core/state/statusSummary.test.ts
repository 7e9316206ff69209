// Proves the status bar's text and state for each store state: release and open count, spinner while loading,
// warning when the data is stale or the last refresh failed, and a tooltip that says why and how old the data is.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FolderState } from '../../../../src/core/state/issueStore';
import { statusSummary } from '../../../../src/core/state/statusSummary';
import { issue, snapshot } from './snapshotFixtures';

const now = new Date('2026-01-10T10:12:00Z');

function folder(state: Partial<FolderState> & { folderPath?: string }, name = 'ws') {
  return { name, state: { folderPath: '/ws', status: { kind: 'ready' }, stale: false, ...state } as FolderState };
}

const loaded = snapshot({ issues: [issue({ id: '1' }), issue({ id: '2' }), issue({ id: '3', status: 'resolved' })] });

describe('status bar text', () => {
  test('shows the release and the number of open issues', () => {
    const summary = statusSummary([folder({ snapshot: loaded })], '/ws', now);
    assert.equal(summary.icon, 'bug');
    assert.equal(summary.label, 'shop@1.2.3 · 2');
    assert.equal(summary.warning, false);
    assert.match(summary.tooltip, /Release shop@1\.2\.3 \(from git HEAD\), all environments: 2 open issues\./);
  });

  test('the tooltip says how many open issues are new in the release and how many regressed', () => {
    const stories = snapshot({
      issues: [
        issue({ id: '1', firstRelease: { version: 'shop@1.2.3' } }),
        issue({ id: '2', firstRelease: { version: 'shop@1.2.3' } }),
        issue({ id: '3', substatus: 'regressed', firstRelease: { version: 'shop@1.0.0' } }),
        issue({ id: '4', firstRelease: { version: 'shop@1.0.0' } }),
        issue({ id: '5', status: 'resolved', firstRelease: { version: 'shop@1.2.3' } }),
      ],
    });
    assert.match(
      statusSummary([folder({ snapshot: stories })], '/ws', now).tooltip,
      /: 4 open issues \(2 new in this release, 1 regressed\)\./,
    );
  });

  test('warns when marks are incomplete, naming how many issues and why, until a refresh finishes them', () => {
    const incomplete = snapshot({
      ...loaded,
      missing: [{ issueId: '2', shortId: 'SHOP-2', message: 'Sentry answered 429 (rate limited).' }],
    });
    const summary = statusSummary([folder({ snapshot: incomplete })], '/ws', now);
    assert.equal(summary.warning, true);
    assert.match(
      summary.tooltip,
      /Marks are incomplete: 1 issue \(SHOP-2\) has no marks: the server was busy or failing \(Sentry answered 429 \(rate limited\)\)\. They load on the next refresh/,
    );
    assert.equal(
      statusSummary([folder({ snapshot: incomplete, status: { kind: 'loading' } })], '/ws', now).warning,
      false,
      'not while the refresh runs',
    );
  });

  test('spins while loading and keeps the last data in the label', () => {
    const summary = statusSummary(
      [folder({ snapshot: loaded, status: { kind: 'loading', message: 'Loading issues' } })],
      '/ws',
      now,
    );
    assert.equal(summary.icon, 'sync~spin');
    assert.equal(summary.label, 'shop@1.2.3 · 2');
    assert.equal(summary.warning, false);
  });

  test('before anything is loaded it just says Sentry', () => {
    const summary = statusSummary([folder({ status: { kind: 'idle' } })], '/ws', now);
    assert.equal(summary.label, 'Sentry');
    assert.equal(summary.warning, false);
    assert.match(summary.tooltip, /Not loaded yet/);
  });

  test('a git SHA release is shortened; no release reads "all releases"', () => {
    const sha = snapshot({ release: { version: 'shop@0123456789abcdef0123456789abcdef01234567', source: 'git' } });
    assert.equal(statusSummary([folder({ snapshot: sha })], '/ws', now).label, 'shop@0123456 · 0');
    assert.equal(
      statusSummary([folder({ snapshot: snapshot({ release: undefined }) })], '/ws', now).label,
      'all releases · 0',
    );
  });
});

describe('warning state', () => {
  test('a failed refresh with data warns and says why and how old the data is', () => {
    const summary = statusSummary(
      [
        folder({
          snapshot: loaded,
          status: { kind: 'failed', message: 'Could not reach Sentry at https://sentry.io (connection refused).' },
          stale: true,
        }),
      ],
      '/ws',
      now,
    );
    assert.equal(summary.warning, true);
    assert.equal(summary.icon, 'bug');
    assert.match(
      summary.tooltip,
      /The last refresh failed: Could not reach Sentry at https:\/\/sentry\.io \(connection refused\)\./,
    );
    assert.match(summary.tooltip, /Showing the last good data, loaded 12 minutes ago/);
  });

  test('a failed first load warns with a warning icon', () => {
    const summary = statusSummary(
      [folder({ status: { kind: 'failed', message: 'Sentry answered 404.' } })],
      '/ws',
      now,
    );
    assert.equal(summary.warning, true);
    assert.equal(summary.icon, 'warning');
    assert.equal(summary.label, 'Sentry');
  });

  test('cached data warns until refreshed, but not while the refresh runs', () => {
    const cached = statusSummary([folder({ snapshot: loaded, status: { kind: 'idle' }, stale: true })], '/ws', now);
    assert.equal(cached.warning, true);
    assert.match(cached.tooltip, /cached data loaded 12 minutes ago \(.*\), not refreshed yet/);
    assert.equal(
      statusSummary([folder({ snapshot: loaded, status: { kind: 'loading' }, stale: true })], '/ws', now).warning,
      false,
    );
  });
});

describe('multi-root', () => {
  test('shows the focused folder and names every folder in the tooltip; any failing folder warns', () => {
    const web = folder(
      {
        folderPath: '/web',
        snapshot: snapshot({
          folderPath: '/web',
          release: { version: 'web@2', source: 'package.json' },
          issues: [issue({ id: '1' })],
        }),
      },
      'web',
    );
    const api = folder({ folderPath: '/api', status: { kind: 'failed', message: 'Sentry answered 404.' } }, 'api');
    const summary = statusSummary([web, api], '/web', now);
    assert.equal(summary.label, 'web@2 · 1');
    assert.equal(summary.warning, true);
    assert.match(summary.tooltip, /^web: Release web@2/m);
    assert.match(summary.tooltip, /^api: The last refresh failed: Sentry answered 404\./m);
  });

  test('without a focused folder, the first one with data is shown', () => {
    const empty = folder({ folderPath: '/a', status: { kind: 'idle' } }, 'a');
    const withData = folder(
      { folderPath: '/b', snapshot: snapshot({ folderPath: '/b', release: { version: 'b@1', source: 'env' } }) },
      'b',
    );
    assert.equal(statusSummary([empty, withData], undefined, now).label, 'b@1 · 0');
  });
});
