// Proves the panel protocol: every message of each direction parses, and what does not fit (unknown types, missing or
// mistyped fields, ids and lines out of range, non-objects) is refused rather than half-read; hostile text stays text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sentryBackend } from '../../../src/core/api/backend';
import { buildIssueViewModel } from '../../../src/core/format/buildIssueViewModel';
import { parseHostMessage, parsePageMessage, parsePageState } from '../../../src/webview/protocol';
import { fixedNow, fixtureEvent, fixtureIssue, fixtureTags } from '../core/format/panelFixtures';

const markup = '<img src=x onerror="alert(1)">';

function model(title = 'TypeError: x is undefined') {
  return buildIssueViewModel({
    issue: fixtureIssue({ title }),
    event: fixtureEvent('python'),
    tags: fixtureTags(),
    capabilities: sentryBackend.capabilities,
    showUserData: false,
    now: fixedNow,
  });
}

describe('page to host messages', () => {
  test('accepts each message the page sends', () => {
    const messages = [
      { type: 'ready' },
      { type: 'triage', requestId: 't1-2', issueId: '6507376925', change: { action: 'resolve' } },
      { type: 'triage', requestId: 'r', issueId: '12', change: { action: 'assignToMe' } },
      { type: 'openFrame', uri: 'file:///work/app/src/index.ts', line: 12 },
      { type: 'openInSentry' },
      { type: 'copyLink' },
      { type: 'replay' },
      { type: 'refresh' },
      { type: 'openUserDataSetting' },
      { type: 'openCommit', sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
      { type: 'assignToOwner' },
    ];
    for (const message of messages) assert.deepEqual(parsePageMessage(message), message);
  });

  test('refuses messages that do not fit', () => {
    const refused: unknown[] = [
      undefined,
      null,
      'ready',
      42,
      [],
      {},
      { type: 'eval', code: 'alert(1)' },
      { type: 'triage', requestId: 't1', issueId: '1', change: { action: 'delete' } },
      { type: 'triage', requestId: 't1', issueId: '1' },
      { type: 'triage', requestId: 't1', issueId: '../../admin', change: { action: 'resolve' } },
      { type: 'triage', requestId: 't1', issueId: markup, change: { action: 'resolve' } },
      { type: 'triage', requestId: 'x'.repeat(65), issueId: '1', change: { action: 'resolve' } },
      { type: 'triage', requestId: 7, issueId: '1', change: { action: 'resolve' } },
      { type: 'openFrame', uri: 'file:///a.ts', line: 0 },
      { type: 'openFrame', uri: 'file:///a.ts', line: 1.5 },
      { type: 'openFrame', uri: 'file:///a.ts', line: '12' },
      { type: 'openFrame', uri: '', line: 3 },
      { type: 'openFrame', uri: `file:///${'a'.repeat(5000)}`, line: 3 },
      { type: 'openFrame', line: 3 },
      { type: 'openCommit', sha: 'a1b2c3d' },
      { type: 'openCommit', sha: '--output=/tmp/x' },
      { type: 'openCommit', sha: 'HEAD' },
      { type: 'openCommit' },
    ];
    for (const message of refused)
      assert.equal(parsePageMessage(message), undefined, JSON.stringify(message)?.slice(0, 80));
  });

  test('drops fields the protocol does not know', () => {
    assert.deepEqual(parsePageMessage({ type: 'copyLink', command: 'workbench.action.terminal.sendSequence' }), {
      type: 'copyLink',
    });
  });
});

describe('host to page messages', () => {
  test('carries a whole view model and keeps hostile text exactly as text', () => {
    // What postMessage delivers: a structured clone, here its JSON equivalent.
    const sent: unknown = JSON.parse(JSON.stringify({ type: 'issue', model: model(markup) }));
    const parsed = parseHostMessage(sent);
    assert.deepEqual(JSON.parse(JSON.stringify(parsed)), sent);
    assert.equal(parsed?.type === 'issue' ? parsed.model.header.title : undefined, markup);
  });

  test('accepts triage results, loading and errors', () => {
    for (const message of [
      { type: 'triageResult', requestId: 't1', ok: true },
      { type: 'triageResult', requestId: 't1', ok: false, message: 'The server did not accept the change.' },
      { type: 'loading' },
      { type: 'error', message: 'Sentry answered 503.' },
    ]) {
      assert.deepEqual(parseHostMessage(message), message);
    }
  });

  test('refuses a model with a missing part or a malformed frame link', () => {
    const { header: _header, ...headless } = model();
    assert.equal(parseHostMessage({ type: 'issue', model: headless }), undefined);
    const broken = model();
    const frame = broken.event?.exceptions[0]?.frames[0];
    assert.ok(frame);
    const withBadLink = {
      ...broken,
      event: {
        ...broken.event,
        exceptions: [{ ...broken.event?.exceptions[0], frames: [{ ...frame, link: { uri: 'file:///a', line: -1 } }] }],
      },
    };
    assert.equal(parseHostMessage({ type: 'issue', model: withBadLink }), undefined);
    assert.equal(parseHostMessage({ type: 'triageResult', requestId: 't1', ok: 'yes' }), undefined);
    assert.equal(parseHostMessage({ type: 'error' }), undefined);
  });
});

describe('saved page state', () => {
  test('keeps an issue id and refuses anything else', () => {
    assert.deepEqual(parsePageState({ issueId: '6507376925' }), { issueId: '6507376925' });
    assert.equal(parsePageState({ issueId: markup }), undefined);
    assert.equal(parsePageState(undefined), undefined);
    assert.equal(parsePageState('6507376925'), undefined);
  });
});
