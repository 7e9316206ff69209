// `sentry-insight serve` killed with SIGKILL again and again while events arrive and while the store compacts: every
// event answered with 200 is still counted (and the newest still kept) after the last restart.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { PersistedStore } from '../../../../src/core/local/store/persistedStore';
import { silentLogger } from '../../../../src/core/log';
import { findRepoRoot } from '../../../support/fakeSentry/repoRoot';
import { send } from './localHttp';

const cli = join(findRepoRoot(), 'dist', 'cli.js');
const ROUNDS = 6;
/** Enough events per round that the log outgrows twice its live records and compacts (100 kept per issue). */
const EVENTS_PER_ROUND = 500;

/** Starts serve on a free port and resolves with the port once it prints the URL (30 s at most). */
function startServe(
  store: string,
  workspace: string,
): Promise<{ child: ChildProcessWithoutNullStreams; port: number }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--store', store, '--workspace', workspace], {
    env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir() },
  });
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${text}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.on('exit', () => reject(new Error(`serve exited: ${text}`)));
  });
}

describe('the local store under kill -9', () => {
  const store = mkdtempSync(join(tmpdir(), 'local-crash-store-'));
  // serve refuses an empty --workspace; the events here name no file, so one file is enough.
  const workspace = mkdtempSync(join(tmpdir(), 'local-crash-workspace-'));
  writeFileSync(join(workspace, 'app.js'), 'throw new Error("the same message");\n');
  after(() => {
    rmSync(store, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  });

  test('loses no acknowledged event over repeated kills during ingest and compaction', async () => {
    const acknowledged: string[] = [];
    let sequence = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { child, port } = await startServe(store, workspace);
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      // Four senders at once, so that kills land inside grouped writes; the kill comes after a varying share of them.
      const killAfter = Math.floor(EVENTS_PER_ROUND * (0.3 + 0.1 * round));
      let sent = 0;
      const sender = async (): Promise<void> => {
        while (sent < EVENTS_PER_ROUND) {
          sent++;
          const eventId = (++sequence).toString(16).padStart(32, '0');
          if (sent === killAfter) child.kill('SIGKILL');
          try {
            const answer = await send(port, {
              path: '/api/1/store/?sentry_key=k',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({
                event_id: eventId,
                message: 'the same message',
                level: 'error',
                platform: 'node',
              }),
            });
            if (answer.status === 200) acknowledged.push(eventId);
          } catch {
            return; // the server is gone
          }
        }
      };
      await Promise.all([sender(), sender(), sender(), sender()]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    }
    assert.ok(acknowledged.length > 1_000, `enough events were acknowledged to compact (${acknowledged.length})`);

    const persisted = await PersistedStore.open({ directory: store, log: silentLogger });
    try {
      assert.equal(persisted.loadWarning, undefined);
      const [issue, ...others] = persisted.store.issues();
      assert.ok(issue);
      assert.equal(others.length, 0);
      assert.ok(
        issue.count >= acknowledged.length,
        `counted ${issue.count} of ${acknowledged.length} acknowledged events`,
      );
      const kept = new Set(persisted.store.eventsOf(issue.id).map((event) => event.eventId));
      const newest = acknowledged.slice(-20);
      assert.deepEqual(
        newest.filter((id) => !kept.has(id)),
        [],
        'the newest acknowledged events are kept',
      );
    } finally {
      await persisted.close();
    }
  });
});
