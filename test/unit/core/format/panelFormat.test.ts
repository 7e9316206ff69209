// Proves the small pure pieces the page shares with the host: chart bars, status words before and after an action,
// the actions that fit a status, and event text made safe to show.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pageText } from '../../../../src/core/format/pageText';
import { statusAfter, statusView } from '../../../../src/core/format/panelStatus';
import { barsOf, chartsOfStats } from '../../../../src/core/format/sparkline';
import { visibleTriageActions } from '../../../../src/core/format/triageActions';

describe('chart bars', () => {
  test('scales the tallest bucket to full height and keeps a single event visible', () => {
    const [chart] = chartsOfStats({
      '24h': [
        [0, 0],
        [3600, 1],
        [7200, 400],
      ],
    });
    assert.ok(chart);
    const bars = barsOf(chart.buckets, 300, 40, 0);
    assert.deepEqual(
      bars.map((bar) => [bar.x, bar.width, bar.height]),
      [
        [0, 100, 0],
        [100, 100, 1],
        [200, 100, 40],
      ],
    );
    assert.equal(bars[2]?.y, 0);
    assert.equal(chart.total, '401 events');
  });

  test('draws nothing for an empty series and skips buckets that are not numbers', () => {
    assert.deepEqual(barsOf([], 100, 10), []);
    const [chart] = chartsOfStats({
      '24h': [
        [0, Number.NaN],
        [3600, 2],
      ],
    });
    assert.equal(chart?.buckets.length, 1);
    assert.deepEqual(chartsOfStats(undefined), []);
  });

  test('counts one event in the singular', () => {
    const [chart] = chartsOfStats({
      '24h': [
        [0, 0],
        [3600, 1],
      ],
    });
    assert.equal(chart?.total, '1 event');
  });
});

describe('status words', () => {
  test('read like the hover, capitalised', () => {
    assert.equal(statusView({ status: 'unresolved', substatus: 'regressed' }).label, 'Regressed');
    assert.equal(statusView({ status: 'resolved', statusDetails: { inRelease: '1.2.0' } }).label, 'Resolved in 1.2.0');
    assert.equal(statusView({ status: 'ignored' }).label, 'Archived');
  });

  test('after an action, as the page shows it before the server answers', () => {
    assert.deepEqual(statusAfter('resolve'), { status: 'resolved', substatus: undefined, label: 'Resolved' });
    assert.equal(statusAfter('unresolve')?.status, 'unresolved');
    assert.equal(statusAfter('assignToMe'), undefined);
  });

  test('offer the actions that fit the status', () => {
    const all = ['resolve', 'resolveInNextRelease', 'unresolve', 'archive', 'assignToMe'] as const;
    assert.deepEqual(visibleTriageActions(all, 'unresolved'), [
      'resolve',
      'resolveInNextRelease',
      'archive',
      'assignToMe',
    ]);
    assert.deepEqual(visibleTriageActions(all, 'resolved'), ['unresolve', 'archive', 'assignToMe']);
    assert.deepEqual(visibleTriageActions(all, 'ignored'), [
      'resolve',
      'resolveInNextRelease',
      'unresolve',
      'assignToMe',
    ]);
  });
});

describe('page text', () => {
  test('turns JSON values into text and control characters into a visible mark, keeping newlines', () => {
    assert.equal(pageText(null), '');
    assert.equal(pageText(12), '12');
    assert.equal(pageText({ a: [1] }), '{"a":[1]}');
    assert.equal(pageText('a\r\nb\u0007\u202Ec'), 'a\nb\uFFFD\uFFFDc');
    assert.equal(pageText('abcdef', 4), 'abc…');
  });
});
