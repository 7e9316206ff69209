// Proves how an issue's release story reads: new, carried over, regressed, resolved (with or without events since),
// where it was first and last seen, and that hostile release names stay on one line.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { issueStoryText, storyTag } from '../../../../src/core/format/issueStoryText';
import { storyOf } from '../../../../src/core/tracking/issueStory';
import { issue } from '../state/snapshotFixtures';

const current = 'shop@1.4.2';

describe('issue story text', () => {
  test('an issue first seen in the workspace release is new in it', () => {
    const story = storyOf(issue({ firstRelease: { version: current }, lastRelease: { version: current } }), current);
    assert.deepEqual(issueStoryText(story, current), {
      kind: 'new',
      headline: 'New in shop@1.4.2',
      releases: 'only seen in shop@1.4.2',
    });
  });

  test('an issue first seen earlier is carried over from that release', () => {
    const story = storyOf(
      issue({ firstRelease: { version: 'shop@1.3.0' }, lastRelease: { version: current } }),
      current,
    );
    assert.deepEqual(issueStoryText(story, current), {
      kind: 'carried',
      headline: 'Carried over from shop@1.3.0',
      releases: 'first seen in shop@1.3.0 · last seen in shop@1.4.2',
    });
  });

  test('without release facts an open issue is carried over from an earlier release, with no release line', () => {
    const text = issueStoryText(storyOf(issue({ firstRelease: null, lastRelease: null }), current), current);
    assert.deepEqual(text, { kind: 'carried', headline: 'Carried over from an earlier release' });
  });

  test('a regressed issue regressed in the workspace release', () => {
    const story = storyOf(
      issue({ substatus: 'regressed', firstRelease: { version: 'shop@1.0.0' }, lastRelease: { version: current } }),
      current,
    );
    assert.equal(issueStoryText(story, current).headline, 'Regressed in shop@1.4.2');
    assert.equal(
      issueStoryText(story, undefined).headline,
      'Regressed in shop@1.4.2',
      'without a workspace release, its last release',
    );
  });

  test('a resolved issue says where it was resolved and whether events arrived since', () => {
    const resolvedAt = '2026-01-05T10:00:00Z';
    const activity = [{ type: 'set_resolved_in_release', dateCreated: resolvedAt }];
    const since = storyOf(
      issue({
        status: 'resolved',
        statusDetails: { inRelease: 'shop@1.4.1' },
        lastSeen: '2026-01-06T10:00:00Z',
        activity,
      }),
      current,
    );
    assert.equal(issueStoryText(since, current).headline, 'Resolved in shop@1.4.1 · events since');
    const quiet = storyOf(
      issue({ status: 'resolved', statusDetails: { inNextRelease: true }, lastSeen: '2026-01-04T10:00:00Z', activity }),
      current,
    );
    assert.equal(issueStoryText(quiet, current).headline, 'Resolved in the next release · no events since');
    const unknown = storyOf(issue({ status: 'resolved', statusDetails: {} }), current);
    assert.equal(issueStoryText(unknown, current).headline, 'Resolved');
  });

  test('release names from the server stay on one short line', () => {
    const hostile = `evil\n\u202e${'x'.repeat(200)}`;
    const text = issueStoryText(storyOf(issue({ firstRelease: { version: hostile } }), current), current);
    assert.ok(!/[\n\u202e]/.test(text.headline), text.headline);
    assert.ok(text.headline.length < 100, text.headline);
  });

  test('rows tag only the stories that call for attention', () => {
    assert.equal(storyTag({ kind: 'new' }), 'new');
    assert.equal(storyTag({ kind: 'regressed' }), 'regressed');
    assert.equal(storyTag({ kind: 'carried' }), undefined);
    assert.equal(storyTag({ kind: 'resolved' }), undefined);
  });
});
