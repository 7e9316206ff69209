// Proves how "events in the last hour" is read from Sentry's hourly buckets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventsInLastHour } from '../../../../src/core/alerts/hourlyEvents';
import { hourly, now } from './alertFixtures';

test('counts the current hour fully and the part of the previous hour that lies within the last hour', () => {
  // now is 12:30: all of 12:00-12:30 (40) and half of 11:00-12:00 (200 -> 100).
  assert.equal(eventsInLastHour(hourly(7, 200, 40).stats['24h'], now), 140);
});

test('ignores buckets older than an hour, and gives 0 without stats', () => {
  assert.equal(eventsInLastHour(hourly(500, 0, 0).stats['24h'], now), 0);
  assert.equal(eventsInLastHour(undefined, now), 0);
  assert.equal(eventsInLastHour([], now), 0);
});

test('counts a bucket that starts after our clock fully (the server clock runs ahead)', () => {
  const ahead = Math.floor(now.getTime() / 1000) + 600;
  assert.equal(eventsInLastHour([[ahead, 30]], now), 30);
});

test('on the hour, the whole previous hour counts', () => {
  const onTheHour = new Date('2025-06-01T12:00:00Z');
  const start = onTheHour.getTime() / 1000;
  assert.equal(
    eventsInLastHour(
      [
        [start - 7200, 9],
        [start - 3600, 50],
        [start, 0],
      ],
      onTheHour,
    ),
    50,
  );
});
