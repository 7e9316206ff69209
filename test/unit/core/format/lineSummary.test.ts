// Proves the after-line text: what a raising line, several issues, a calling line and a closed issue read like.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticMessage, issueLensTitle } from '../../../../src/core/format/issueLabel';
import { clipTitle, summarizeLine, type SummaryContext } from '../../../../src/core/format/lineSummary';
import { lineHit } from '../index/lineHits';

const open: SummaryContext = { isClosed: () => false, withUsers: true };

const typeError = lineHit({
  issueId: '1',
  shortId: 'SHOP-1A',
  title: "TypeError: Cannot read properties of undefined (reading 'id')",
  count: 1234,
  userCount: 87,
});

test('summarises a raising line with compact counts and the clipped title', () => {
  assert.deepEqual(summarizeLine([typeError], open), {
    style: 'error',
    text: '✖ 1.2k events · 87 users · TypeError: Cannot read properties of undefined…',
    hits: [typeError],
  });
});

test('summarises several issues on a line by their totals and the strongest title', () => {
  const others = [
    lineHit({ issueId: '2', count: 200, userCount: 30, title: 'RangeError: x' }),
    lineHit({ issueId: '3', count: 66, userCount: 3, level: 'warning' }),
  ];
  const summary = summarizeLine([typeError, ...others], open);
  assert.equal(summary?.text, '✖ 3 issues · 1.5k events · 120 users · TypeError: Cannot read properties of undefined…');
  assert.equal(summary?.style, 'error');
});

test('draws a line whose issues are all warnings in the warning style', () => {
  const summary = summarizeLine([lineHit({ level: 'warning', count: 3, userCount: 1, title: 'Slow query' })], open);
  assert.deepEqual([summary?.style, summary?.text], ['warning', '⚠ 3 events · 1 user · Slow query']);
});

test('draws info and debug levels in the info style', () => {
  assert.equal(summarizeLine([lineHit({ level: 'info' })], open)?.style, 'info');
  assert.equal(summarizeLine([lineHit({ level: 'debug' })], open)?.text.startsWith('ℹ '), true);
});

test('gives a line that only calls into errors the quieter caller text', () => {
  const callers = [
    lineHit({ issueId: '1', role: 'caller', count: 1000 }),
    lineHit({ issueId: '2', role: 'caller', count: 150 }),
    lineHit({ issueId: '3', role: 'caller', count: 50 }),
  ];
  assert.deepEqual(summarizeLine(callers, open), {
    style: 'caller',
    text: '↳ called in 3 issues · 1.2k events',
    hits: callers,
  });
  assert.equal(summarizeLine([lineHit({ role: 'caller', count: 1 })], open)?.text, '↳ called in 1 issue · 1 event');
});

test('lets raised issues speak for a line that also calls into others', () => {
  const summary = summarizeLine([typeError, lineHit({ issueId: '9', role: 'caller', count: 5000 })], open);
  assert.equal(summary?.text, '✖ 1.2k events · 87 users · TypeError: Cannot read properties of undefined…');
});

test('leaves resolved and archived issues off the line', () => {
  const closed: SummaryContext = { isClosed: (id) => id === '1', withUsers: true };
  const other = lineHit({ issueId: '2', count: 4, userCount: 2, title: 'RangeError: bad' });
  assert.equal(summarizeLine([typeError, other], closed)?.text, '✖ 4 events · 2 users · RangeError: bad');
  assert.equal(summarizeLine([typeError], closed), undefined);
});

test('leaves users out where the backend does not count them', () => {
  assert.equal(
    summarizeLine([typeError], { isClosed: () => false, withUsers: false })?.text,
    '✖ 1.2k events · TypeError: Cannot read properties of undefined…',
  );
});

test('keeps a hostile title on one line without control characters', () => {
  const text = summarizeLine([lineHit({ title: 'Boom\n\u001b[31mred\u202e' })], open)?.text ?? '';
  assert.equal(text, '✖ 25 events · 1 user · Boom \ufffd[31mred\ufffd');
});

test('titles a CodeLens with the short id and compact counts', () => {
  assert.equal(issueLensTitle(typeError, true), '✖ SHOP-1A · 1.2k events · 87 users');
  assert.equal(issueLensTitle(lineHit({ level: 'warning', shortId: 'SHOP-2' }), false), '⚠ SHOP-2 · 25 events');
});

test('writes the Problems message with exact counts', () => {
  assert.equal(
    diagnosticMessage(typeError, true),
    "TypeError: Cannot read properties of undefined (reading 'id') (1,234 events · 87 users)",
  );
  assert.equal(
    diagnosticMessage(typeError, false),
    "TypeError: Cannot read properties of undefined (reading 'id') (1,234 events)",
  );
});

test('clips a long title at a word boundary when one is near, mid-word otherwise', () => {
  assert.equal(clipTitle('TypeError: Cannot read properties of undefined (reading x)', 30), 'TypeError: Cannot read…');
  assert.equal(clipTitle('x'.repeat(40), 10), `${'x'.repeat(9)}…`);
  assert.equal(clipTitle('short', 10), 'short');
});
