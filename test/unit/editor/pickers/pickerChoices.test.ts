// Proves the rows of the release and environment pickers: detection first, releases newest first with dates and
// new-issue counts and the right marks; environment names merged from the API, the loaded events and the setting.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { environmentNames, environmentsInSnapshot } from '../../../../src/editor/pickers/environmentChoices';
import { releaseChoices } from '../../../../src/editor/pickers/releaseChoices';
import { eventWithEnvironment, release, snapshot } from '../../core/state/snapshotFixtures';

const now = new Date('2026-01-10T12:00:00Z');
const releases = [
  release({ version: 'shop@1.3.0', dateReleased: '2026-01-10T09:00:00Z', newGroups: 4 }),
  release({ version: 'shop@1.2.3', dateReleased: null, dateCreated: '2026-01-03T12:00:00Z', newGroups: 1 }),
  release({ version: 'shop@1.2.2', dateReleased: null, dateCreated: null, newGroups: 0 }),
];

describe('release picker rows', () => {
  test('offers detection first, then the releases in the order the API gave (newest first)', () => {
    const choices = releaseChoices({ releases, detected: [], now });
    assert.deepEqual(
      choices.map((choice) => choice.version),
      [undefined, 'shop@1.3.0', 'shop@1.2.3', 'shop@1.2.2'],
    );
    assert.equal(choices[0]?.label, '$(sparkle) Detect automatically');
  });

  test('gives dates and new-issue counts', () => {
    const [, newest, older, undated] = releaseChoices({ releases, detected: [], now });
    assert.equal(newest?.detail, 'released 3 hours ago · 4 new issues');
    assert.equal(older?.detail, 'created 7 days ago · 1 new issue');
    assert.equal(undated?.detail, '0 new issues');
  });

  test('marks the shown release, the detected one and the pinned one; the pinned one is highlighted', () => {
    const choices = releaseChoices({
      releases,
      shown: { version: 'shop@1.2.3', source: 'option' },
      pinned: 'shop@1.2.3',
      detected: [{ version: 'shop@1.3.0', source: 'git' }],
      now,
    });
    const byVersion = new Map(choices.map((choice) => [choice.version, choice]));
    assert.equal(byVersion.get('shop@1.2.3')?.label, '$(check) shop@1.2.3');
    assert.equal(byVersion.get('shop@1.2.3')?.description, 'shown now · pinned in settings');
    assert.equal(byVersion.get('shop@1.3.0')?.description, 'detected from git HEAD');
    assert.deepEqual(
      choices.filter((choice) => choice.current).map((choice) => choice.version),
      ['shop@1.2.3'],
    );
    assert.equal(byVersion.get(undefined)?.description, 'clears the release setting');
  });

  test('without a pinned release, "Detect automatically" is the current choice and says what it tries', () => {
    const [detect] = releaseChoices({
      releases,
      detected: [
        { version: 'abc1234', source: 'env' },
        { version: 'shop@1.3.0', source: 'package.json' },
      ],
      now,
    });
    assert.equal(detect?.current, true);
    assert.equal(
      detect?.detail,
      "Tries abc1234 (SENTRY_RELEASE), then shop@1.3.0 (package.json), then the project's newest release.",
    );
  });
});

describe('environment names', () => {
  test("reads environments from the loaded events' tags", () => {
    const loaded = snapshot({
      events: { '1': eventWithEnvironment('e1', 'production'), '2': eventWithEnvironment('e2', 'staging') },
    });
    assert.deepEqual(environmentsInSnapshot(loaded).sort(), ['production', 'staging']);
    assert.deepEqual(environmentsInSnapshot(undefined), []);
  });

  test('merges sources without repeats or blanks, alphabetically (names differing in case are distinct in Sentry)', () => {
    assert.deepEqual(environmentNames(['Production', 'staging'], ['production', 'staging', ' '], ['dev']), [
      'dev',
      'production',
      'Production',
      'staging',
    ]);
  });
});
