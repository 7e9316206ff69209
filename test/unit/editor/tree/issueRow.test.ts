// Proves how an issue row reads: compact counts, its status once triaged, the level icon, a plain-text tooltip, and
// a context value whose flags match exactly the menu entries package.json shows for that server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { glitchtipBackend, sentryBackend } from '../../../../src/core/api/backend';
import {
  issueContextValue,
  issueDescription,
  issueIcon,
  issueTooltip,
  statusLabel,
} from '../../../../src/editor/tree/issueRow';
import { storyOf } from '../../../../src/core/tracking/issueStory';
import { findRepoRoot } from '../../../support/fakeSentry/repoRoot';
import { issue } from '../../core/state/snapshotFixtures';

/** The `viewItem =~` tests of package.json's context menu of the Sentry view, read from package.json itself. */
const menuTests: ReadonlyArray<readonly [string, RegExp]> = (() => {
  const manifest = JSON.parse(readFileSync(join(findRepoRoot(), 'package.json'), 'utf8')) as {
    contributes: { menus: Record<string, Array<{ command: string; when?: string }>> };
  };
  const entries = manifest.contributes.menus['view/item/context'] ?? [];
  return entries.flatMap(({ command, when }) => {
    const test = /^view == sentryInsight\.issues && viewItem =~ \/(.*)\/$/.exec(when ?? '');
    return test ? [[command.replace(/^sentryInsight\./, ''), new RegExp(test[1] as string)] as const] : [];
  });
})();

function menuFor(contextValue: string): string[] {
  return [...new Set(menuTests.filter(([, pattern]) => pattern.test(contextValue)).map(([command]) => command))].sort();
}

const always = ['archive', 'resolve', 'showIssueDetails', 'unresolve', 'replayInDebugger'];

describe('context value', () => {
  test('a Sentry issue with a current release offers every triage action and its page', () => {
    const value = issueContextValue(issue({}), sentryBackend.capabilities, true);
    assert.equal(value, 'issue:unresolved:page:nextRelease:inRelease:archiveUntil:assign:bookmark');
    assert.deepEqual(menuFor(value), [...new Set(menuTests.map(([command]) => command))].sort());
  });

  test('without a release there is nothing to resolve "in the current release"', () => {
    const menu = menuFor(issueContextValue(issue({}), sentryBackend.capabilities, false));
    assert.ok(!menu.includes('resolveInCurrentRelease'));
    assert.ok(menu.includes('resolveInNextRelease'));
  });

  test('a GlitchTip issue offers only what GlitchTip can do', () => {
    assert.deepEqual(
      menuFor(issueContextValue(issue({}), glitchtipBackend.capabilities, true)),
      [...always, 'copyLink', 'openInSentry'].sort(),
    );
  });

  test('an issue of the local Sentry, which has no pages, offers no Open in Sentry or Copy Link', () => {
    const menu = menuFor(issueContextValue(issue({}), sentryBackend.capabilities, true, false));
    assert.ok(!menu.includes('openInSentry') && !menu.includes('copyLink'), menu.join(', '));
    assert.ok(menu.includes('resolve'));
  });
});

describe('description and status', () => {
  test('counts read compactly, release counts first', () => {
    assert.equal(issueDescription(issue({ count: '1234', userCount: 87 }), true), '1.2k events · 87 users');
    assert.equal(
      issueDescription(issue({ count: '5000', userCount: 900, filtered: { count: '1', userCount: 1 } }), true),
      '1 event · 1 user',
    );
    assert.equal(issueDescription(issue({ count: '12', userCount: 0 }), false), '12 events');
  });

  test('tags issues new in the release or regressed in it, and tells the story in the tooltip', () => {
    const fresh = issue({
      count: '8',
      userCount: 5,
      firstRelease: { version: 'shop@1.2.0' },
      lastRelease: { version: 'shop@1.2.0' },
    });
    const story = storyOf(fresh, 'shop@1.2.0');
    assert.equal(issueDescription(fresh, true, story), '8 events · 5 users · new');
    assert.equal(
      issueDescription(fresh, true, storyOf(fresh, 'shop@1.3.0')),
      '8 events · 5 users',
      'carried over: nothing to flag',
    );
    const regressed = issue({ count: '3', userCount: 2, substatus: 'regressed' });
    assert.equal(issueDescription(regressed, true, storyOf(regressed, 'shop@1.2.0')), '3 events · 2 users · regressed');
    const tooltip = issueTooltip(fresh, true, new Date('2026-01-10T12:00:00Z'), { story, release: 'shop@1.2.0' });
    assert.ok(tooltip.split('\n').includes('New in shop@1.2.0 · only seen in shop@1.2.0'), tooltip);
  });

  test('a triaged issue says so', () => {
    assert.equal(
      issueDescription(issue({ count: '3', userCount: 2, status: 'resolved' }), true),
      '3 events · 2 users · resolved',
    );
    assert.equal(
      statusLabel(issue({ status: 'resolved', statusDetails: { inNextRelease: true } })),
      'resolved in next release',
    );
    assert.equal(statusLabel(issue({ status: 'ignored' })), 'archived');
    assert.equal(statusLabel(issue({ status: 'unresolved' })), undefined);
  });

  test('icons follow the level, and the status once closed', () => {
    assert.deepEqual(issueIcon(issue({ level: 'error' })), { id: 'error', color: 'sentryInsight.errorOverviewRuler' });
    assert.deepEqual(issueIcon(issue({ level: 'fatal' })).id, 'error');
    assert.deepEqual(issueIcon(issue({ level: 'warning' })), {
      id: 'warning',
      color: 'sentryInsight.warningOverviewRuler',
    });
    assert.equal(issueIcon(issue({ level: 'error', status: 'resolved' })).id, 'pass');
    assert.equal(issueIcon(issue({ level: 'error', status: 'ignored' })).id, 'archive');
  });

  test('the tooltip is plain lines with id, title, counts and ages', () => {
    const tooltip = issueTooltip(
      issue({
        shortId: 'SHOP-1A',
        title: 'TypeError: [x](command:evil)',
        culprit: 'cart in add',
        count: '1500',
        userCount: 20,
        firstSeen: '2026-01-07T10:30:00Z',
        lastSeen: '2026-01-10T10:00:00Z',
      }),
      true,
      new Date('2026-01-10T10:30:00Z'),
    );
    assert.deepEqual(tooltip.split('\n'), [
      'SHOP-1A · error · unresolved',
      'TypeError: [x](command:evil)',
      'cart in add',
      '1.5k events · 20 users in the chosen period',
      'First seen 3 days ago · last seen 30 minutes ago',
      'Assigned to John Doe',
    ]);
  });
});
