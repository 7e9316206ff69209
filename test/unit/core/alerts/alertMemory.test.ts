// Proves the alert memory survives a round trip through JSON, starts afresh when corrupt, and stays bounded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  emptyAlertMemory,
  parseAlertMemory,
  pruned,
  withAlerted,
  withMuted,
  withoutMutes,
} from '../../../../src/core/alerts/alertMemory';
import { hoursAfter, now } from './alertFixtures';

test('reads back what it wrote', () => {
  const memory = withMuted(
    withAlerted(emptyAlertMemory, [{ key: '1', reasons: ['regressed', 'eventsPerHour'] }], now),
    ['2'],
  );
  assert.deepEqual(parseAlertMemory(JSON.parse(JSON.stringify(memory))), memory);
});

test('corrupt or foreign state is an empty memory', () => {
  for (const value of [
    undefined,
    null,
    'x',
    42,
    { alerted: [], muted: [] },
    { alerted: { '1': { regressed: 'yesterday' } }, muted: [] },
    { alerted: { '1': { bogus: now.toISOString() } }, muted: [] },
    { alerted: {}, muted: [1] },
  ]) {
    assert.deepEqual(parseAlertMemory(value), emptyAlertMemory, JSON.stringify(value));
  }
});

test('muting twice keeps one entry; unmuting clears every mute but keeps the alert times', () => {
  const memory = withMuted(
    withMuted(withAlerted(emptyAlertMemory, [{ key: '1', reasons: ['regressed'] }], now), ['1', '2']),
    ['1'],
  );
  assert.deepEqual(memory.muted, ['2', '1']);
  const unmuted = withoutMutes(memory);
  assert.deepEqual(unmuted.muted, []);
  assert.deepEqual(Object.keys(unmuted.alerted), ['1']);
});

test('forgets alert times older than 30 days and keeps at most a thousand issues, newest first', () => {
  const old = withAlerted(emptyAlertMemory, [{ key: 'old', reasons: ['regressed'] }], now);
  const recent = withAlerted(old, [{ key: 'recent', reasons: ['newInRelease'] }], hoursAfter(now, 24 * 29));
  assert.deepEqual(Object.keys(pruned(recent, hoursAfter(now, 24 * 31)).alerted), ['recent']);
  let many = emptyAlertMemory;
  for (let index = 0; index < 1005; index++)
    many = withAlerted(many, [{ key: String(index), reasons: ['regressed'] }], new Date(now.getTime() + index * 1000));
  const kept = pruned(many, hoursAfter(now, 1));
  assert.equal(Object.keys(kept.alerted).length, 1000);
  assert.ok(kept.alerted['1004'] && !kept.alerted['0'], 'the oldest are dropped');
});
