// Proves a change stream never buffers without bound for a follower that stopped reading: past the bound it is let go
// (it reconnects and learns the current version), while a follower that reads gets every change.
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { test } from 'node:test';
import type { StoreChange } from '../../../../../src/core/local/changeFeed';
import { ChangeStreams, maxUnreadBytes } from '../../../../../src/core/local/server/changeStream';

/** A response whose peer reads nothing when `reading` is false: what it is sent stays in `writableLength`. */
function fakeResponse(reading: boolean) {
  const closers: Array<() => void> = [];
  const response = {
    writableEnded: false,
    writableLength: 0,
    destroyed: false,
    written: [] as string[],
    writeHead() {
      return response;
    },
    write(text: string) {
      response.written.push(text);
      if (!reading) response.writableLength += Buffer.byteLength(text);
      return reading;
    },
    destroy() {
      response.destroyed = true;
      response.writableEnded = true;
      for (const close of closers) close();
    },
    once(event: string, listener: () => void) {
      if (event === 'close') closers.push(listener);
      return response;
    },
  };
  return response;
}

function source() {
  const listeners = new Set<(change: StoreChange) => void>();
  let revision = 0;
  return {
    instance: 'test',
    revision: () => revision,
    onDidCommit: (listener: (change: StoreChange) => void) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    commit(issueIds: string[]) {
      revision++;
      for (const listener of listeners) listener({ revision, issueIds, releasesChanged: false } as StoreChange);
    },
    get followers() {
      return listeners.size;
    },
  };
}

const get = { method: 'GET', resume: () => undefined } as unknown as IncomingMessage;

test('a follower that stops reading is let go once its unread messages pass the bound', () => {
  const changes = source();
  const streams = new ChangeStreams(changes);
  const stalled = fakeResponse(false);
  const reader = fakeResponse(true);
  streams.serve(get, stalled as unknown as ServerResponse);
  streams.serve(get, reader as unknown as ServerResponse);
  const ids = Array.from({ length: 150 }, (_, i) => String(1_000_000 + i));
  let commits = 0;
  for (; commits < 10_000 && !stalled.destroyed; commits++) changes.commit(ids);
  assert.ok(stalled.destroyed, 'let go');
  assert.ok(stalled.writableLength <= maxUnreadBytes + 4096, `held ${stalled.writableLength} bytes`);
  assert.equal(changes.followers, 1, 'its subscription ended with it');
  changes.commit(['1']);
  assert.equal(reader.destroyed, false);
  assert.equal(reader.written.filter((text) => text.startsWith('event: change')).length, commits + 1);
  reader.destroy();
  assert.equal(changes.followers, 0);
});
