// Proves the Compare Releases view's rows: what is compared with what, the three groups with their counts and issues
// (gone ones counted in the base), the last good comparison kept under a failed refresh with the error as a row, and
// the base-release picker's rows (the release before it by default, then only older releases).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Issue } from '../../../../src/core/api/issueSchema';
import { storyOf } from '../../../../src/core/tracking/issueStory';
import type { ReleaseComparison } from '../../../../src/core/tracking/releaseComparison';
import {
  comparisonRoots,
  comparisonRows,
  type ComparisonNode,
  type FolderComparison,
} from '../../../../src/editor/comparison/comparisonModel';
import { baseReleaseChoices, loadingBaseChoice } from '../../../../src/editor/pickers/baseReleaseChoices';
import { issue, release } from '../../core/state/snapshotFixtures';

const current = 'shop@1.3.0';
const base = 'shop@1.2.3';

function compared(fields: Record<string, unknown>, count: number, userCount: number) {
  const found: Issue = issue(fields);
  return { issue: found, story: storyOf(found, current), count, userCount };
}

const comparison: ReleaseComparison = {
  release: current,
  base,
  new: [
    compared(
      {
        id: '11',
        shortId: 'SHOP-B',
        title: 'RangeError: Invalid quantity',
        firstRelease: { version: current },
        permalink: 'https://sentry.io/i/11/',
      },
      8,
      5,
    ),
    compared(
      { id: '12', shortId: 'SHOP-C', title: 'Network request failed', firstRelease: { version: current } },
      2,
      1,
    ),
  ],
  regressed: [
    compared(
      {
        id: '13',
        shortId: 'SHOP-D',
        title: 'cents.toFixed is not a function',
        substatus: 'regressed',
        firstRelease: { version: 'shop@1.0.0' },
      },
      11,
      7,
    ),
  ],
  gone: [],
  warnings: ['Could not tell which release SHOP-X started in'],
};

function folder(overrides: Partial<FolderComparison> = {}): FolderComparison {
  return { folderPath: '/ws', name: 'ws', loaded: true, loading: false, comparison, withUsers: true, ...overrides };
}

function labels(nodes: readonly ComparisonNode[]): string[] {
  return nodes.map((node) =>
    node.kind === 'folder' ? node.name : node.kind === 'message' ? `${node.severity}: ${node.text}` : node.label,
  );
}

describe('compare releases rows', () => {
  test('names the releases, then new, regressed and gone with their counts', () => {
    const rows = comparisonRows(folder());
    assert.deepEqual(labels(rows), [
      current,
      'warning: Could not tell which release SHOP-X started in',
      `New in ${current}`,
      `Regressed in ${current}`,
      `Gone since ${base}`,
    ]);
    const [header, , fresh, regressed, gone] = rows;
    assert.equal(header?.kind === 'header' && header.description, `compared with ${base}`);
    assert.deepEqual(
      [fresh, regressed, gone].map(
        (group) => group?.kind === 'group' && [group.category, group.description, group.children.length],
      ),
      [
        ['new', '2 issues · 10 events', 2],
        ['regressed', '1 issue · 11 events', 1],
        ['gone', 'none', 0],
      ],
    );
  });

  test('an issue row shows its short id and counts, tells its story and carries its page for issues not loaded', () => {
    const group = comparisonRows(folder()).find((node) => node.kind === 'group' && node.category === 'new');
    const [row] = group?.kind === 'group' ? group.children : [];
    assert.equal(row?.label, 'RangeError: Invalid quantity');
    assert.equal(row?.description, 'SHOP-B · 8 events · 5 users');
    assert.equal(row?.issueId, '11');
    assert.equal(row?.url, 'https://sentry.io/i/11/');
    assert.match(row?.tooltip ?? '', /8 events · 5 users in shop@1\.3\.0\nNew in shop@1\.3\.0/);
  });

  test('gone issues are counted in the base release', () => {
    const gone = {
      ...comparison,
      gone: [
        compared(
          {
            id: '14',
            shortId: 'SHOP-E',
            title: 'Payment declined',
            status: 'resolved',
            firstRelease: { version: 'shop@1.0.0' },
          },
          6,
          4,
        ),
      ],
    };
    const group = comparisonRows(folder({ comparison: gone })).find(
      (node) => node.kind === 'group' && node.category === 'gone',
    );
    assert.equal(group?.kind === 'group' && group.description, '1 issue · 6 events');
    assert.match((group?.kind === 'group' && group.children[0]?.tooltip) || '', /6 events · 4 users in shop@1\.2\.3/);
  });

  test('keeps the last good comparison when a refresh fails, and says so in a row', () => {
    const rows = comparisonRows(folder({ error: 'Sentry answered 503.' }));
    assert.deepEqual(labels(rows).slice(0, 2), [
      current,
      'error: Refresh failed, showing the last comparison: Sentry answered 503.',
    ]);
    assert.equal(rows.filter((node) => node.kind === 'group').length, 3);
    assert.deepEqual(labels(comparisonRows(folder({ comparison: undefined, error: 'Sentry answered 503.' }))), [
      'error: Sentry answered 503.',
    ]);
  });

  test('says what is going on before there is a comparison', () => {
    assert.deepEqual(labels(comparisonRows(folder({ comparison: undefined, loaded: false }))), [
      'info: Waiting for the issues of this folder to load.',
    ]);
    assert.deepEqual(labels(comparisonRows(folder({ comparison: undefined, loading: true }))), [
      'loading: Comparing releases…',
    ]);
  });

  test('without a base the gone group says so rather than naming a release', () => {
    const rows = comparisonRows(folder({ comparison: { ...comparison, base: undefined } }));
    assert.ok(labels(rows).includes('Gone since the previous release'));
  });

  test('a multi-root workspace gets a row per folder', () => {
    const roots = comparisonRoots([
      folder(),
      folder({ folderPath: '/api', name: 'api', comparison: undefined, loaded: false }),
    ]);
    assert.deepEqual(labels(roots), ['ws', 'api']);
  });
});

describe('base release picker rows', () => {
  const now = new Date('2026-01-10T12:00:00Z');
  const releases = [
    release({ version: 'shop@1.4.0', dateReleased: null, dateCreated: '2026-01-10T10:00:00Z', newGroups: 1 }),
    release({ version: current, dateReleased: '2026-01-09T12:00:00Z', newGroups: 2 }),
    release({ version: base, dateReleased: '2026-01-03T12:00:00Z', newGroups: 3 }),
    release({ version: 'shop@1.0.0', dateReleased: null, dateCreated: null, newGroups: 0 }),
  ];

  test('offers the release before it first, then only older releases, marking the previous one', () => {
    const choices = baseReleaseChoices({ releases, release: current, now });
    assert.deepEqual(
      choices.map((choice) => choice.version),
      [undefined, base, 'shop@1.0.0'],
    );
    assert.equal(choices[0]?.description, base);
    assert.equal(choices[0]?.current, true);
    assert.equal(choices[1]?.description, 'previous release');
    assert.equal(choices[1]?.detail, 'released 7 days ago · 3 new issues');
  });

  test('highlights the base chosen before', () => {
    const choices = baseReleaseChoices({ releases, release: current, chosen: 'shop@1.0.0', now });
    assert.deepEqual(
      choices.filter((choice) => choice.current).map((choice) => choice.version),
      ['shop@1.0.0'],
    );
    assert.equal(choices[2]?.description, 'compared with now');
  });

  test('the oldest release has nothing before it', () => {
    assert.deepEqual(
      baseReleaseChoices({ releases, release: 'shop@1.0.0', now }).map((choice) => [
        choice.version,
        choice.description,
      ]),
      [[undefined, 'none found']],
    );
  });

  test('says "none found" only once the list shows it: not while loading, nor for a release missing from the list', () => {
    assert.equal(loadingBaseChoice(current, undefined).description, 'loading the releases…');
    assert.equal(loadingBaseChoice(current, undefined).current, true);
    const missing = baseReleaseChoices({ releases, release: 'shop@9.9.9', now });
    assert.notEqual(missing[0]?.description, 'none found');
    assert.equal(missing.length, releases.length + 1);
  });
});
