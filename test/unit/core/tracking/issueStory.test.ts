// Proves how an issue's story is told from Sentry's own fields: regressed before resolved before new before carried.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyOf } from '../../../../src/core/tracking/issueStory';

const release = 'shop@1.4.2';
const open = { status: 'unresolved', substatus: 'ongoing' } as const;

test('an issue first seen in the release is new in it', () => {
  const story = storyOf({ ...open, firstRelease: { version: release }, lastRelease: { version: release } }, release);
  assert.deepEqual(story, { kind: 'new', firstRelease: release, lastRelease: release });
});

test('an issue first seen in an earlier release is carried over, naming that release', () => {
  const story = storyOf(
    { ...open, firstRelease: { version: 'shop@1.3.0' }, lastRelease: { version: release } },
    release,
  );
  assert.equal(story.kind, 'carried');
  assert.equal(story.firstRelease, 'shop@1.3.0');
});

test('a regressed issue is regressed even when it started in this release', () => {
  assert.equal(
    storyOf({ status: 'unresolved', substatus: 'regressed', firstRelease: { version: release } }, release).kind,
    'regressed',
  );
});

test('a resolved issue says where it was resolved and whether events came after the resolution', () => {
  const issue = {
    status: 'resolved',
    statusDetails: { inRelease: 'shop@1.4.1' },
    lastSeen: '2025-06-02T10:00:00Z',
    activity: [
      { type: 'note', dateCreated: '2025-06-03T00:00:00Z' },
      { type: 'set_resolved_in_release', dateCreated: '2025-06-01T10:00:00Z' },
    ],
  };
  assert.deepEqual(storyOf(issue, release), {
    kind: 'resolved',
    resolvedIn: 'shop@1.4.1',
    eventsSinceResolution: true,
  });
  assert.equal(storyOf({ ...issue, lastSeen: '2025-05-30T10:00:00Z' }, release).eventsSinceResolution, false);
  assert.equal(storyOf({ status: 'resolved', statusDetails: { inNextRelease: true } }, release).resolvedIn, 'next');
  assert.equal(storyOf({ status: 'resolved' }, release).eventsSinceResolution, undefined, 'unknown without activity');
});

test('without a release, or without first-release facts (GlitchTip), an open issue is carried', () => {
  assert.equal(storyOf({ ...open, firstRelease: { version: release } }, undefined).kind, 'carried');
  assert.equal(storyOf({ ...open }, release).kind, 'carried');
});
