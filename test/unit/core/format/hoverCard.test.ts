// Proves the hover card: what it tells about an issue (from a real Sentry payload), which actions it offers per
// backend and status, that it names exactly the commands it links, and that event text cannot add links or HTML.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { glitchtipBackend, sentryBackend } from '../../../../src/core/api/backend';
import { issueSchema, type Issue } from '../../../../src/core/api/issueSchema';
import {
  hoverCard,
  hoverCards,
  type HoverCardInput,
  type HoverCommandIds,
} from '../../../../src/core/format/hoverCard';
import { ownersText } from '../../../../src/core/format/ownersText';
import { loadExample } from '../../../support/fakeSentry/examples';
import { lineHit } from '../index/lineHits';

const commands: HoverCommandIds = {
  showIssueDetails: 'x.details',
  replayInDebugger: 'x.replay',
  explainWithAi: 'x.explain',
  fixWithAi: 'x.fix',
  openInSentry: 'x.open',
  copyLink: 'x.copy',
  resolve: 'x.resolve',
  resolveInNextRelease: 'x.next',
  unresolve: 'x.unresolve',
  archive: 'x.archive',
  assignToMe: 'x.assignMe',
};

const now = Date.parse('2025-04-12T12:00:00Z');

function mcpIssue(): Issue {
  return issueSchema.parse(loadExample('sentry-mcp.issue-details.json'));
}

function input(overrides: Partial<HoverCardInput> = {}): HoverCardInput {
  return {
    hit: lineHit(),
    issue: mcpIssue(),
    capabilities: sentryBackend.capabilities,
    hasLink: true,
    commands,
    now,
    ...overrides,
  };
}

/** The link targets of a Markdown string, in order. */
function linkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/\]\((command:[^)\s]*)\)/g)].map((match) => match[1] as string);
}

const link = (command: string, id = '6507376925'): string =>
  `command:${command}?${encodeURIComponent(JSON.stringify([id]))}`;

test('describes a real Sentry issue: title, short id, level, status, assignee, counts, times, last 24 h', () => {
  const { markdown } = hoverCard(input());
  const paragraphs = markdown.split('\n\n');
  assert.deepEqual(paragraphs.slice(0, 5), [
    '$(error) **Error\\: Tool list\\_organizations is already registered**',
    'CLOUDFLARE\\-MCP\\-41 · error · ongoing · raised on this line · assigned to Jane Developer',
    '$(pulse) 25 events · 1 user',
    '$(history) first seen 8 days ago · last seen 25 minutes ago',
    `$(graph) last 24 h \`${'▁'.repeat(25)}\` 0 events`,
  ]);
});

test('shows the first release and a sparkline of the 24 h buckets from issue details', () => {
  const issue = issueSchema.parse(loadExample('sentry-openapi.issue-details.json'));
  const { markdown } = hoverCard(
    input({
      hit: lineHit({ issueId: issue.id, shortId: issue.shortId, firstSeen: undefined, lastSeen: undefined }),
      issue,
      now: Date.parse('2018-11-07T12:00:00Z'),
    }),
  );
  assert.match(markdown, /first release 17642328ead24b51867165985996d04b29310337/);
  assert.match(markdown, /last 24 h `█▇` 1,030 events/);
});

/** The Markdown as it reads once rendered: escapes removed. */
function unescaped(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1');
}

test("tells the issue's release story and where it was first and last seen, instead of the bare first release", () => {
  const issue = { ...mcpIssue(), firstRelease: { version: 'shop@1.1.0' }, lastRelease: { version: 'shop@1.2.0' } };
  const { markdown } = hoverCard(
    input({
      issue,
      story: { kind: 'carried', firstRelease: 'shop@1.1.0', lastRelease: 'shop@1.2.0' },
      release: 'shop@1.2.0',
    }),
  );
  assert.ok(
    markdown
      .split('\n\n')
      .map(unescaped)
      .includes('$(tag) **Carried over from shop@1.1.0** · first seen in shop@1.1.0 · last seen in shop@1.2.0'),
    markdown,
  );
  assert.doesNotMatch(markdown, /first release/);
  const fresh = hoverCard(
    input({
      issue,
      story: { kind: 'new', firstRelease: 'shop@1.2.0', lastRelease: 'shop@1.2.0' },
      release: 'shop@1.2.0',
    }),
  ).markdown;
  assert.ok(unescaped(fresh).includes('**New in shop@1.2.0** · only seen in shop@1.2.0'), fresh);
});

test('a release name cannot add links or markup to the story line', () => {
  const { markdown } = hoverCard(
    input({ story: { kind: 'new', firstRelease: '[x](command:evil)' }, release: '[x](command:evil)' }),
  );
  assert.deepEqual(
    linkTargets(markdown).filter((target) => target.includes('evil')),
    [],
  );
});

test('says which environments the counts are of when the environment filter is on', () => {
  assert.match(
    hoverCard(input({ environments: ['production'] })).markdown,
    /\$\(pulse\) 25 events · 1 user in production\n/,
  );
  assert.match(hoverCard(input({ environments: [] })).markdown, /\$\(pulse\) 25 events · 1 user\n/);
});

test('offers every action on Sentry, each linking the issue id', () => {
  const card = hoverCard(input());
  assert.deepEqual(linkTargets(card.markdown), [
    link('x.details'),
    link('x.replay'),
    link('x.explain'),
    link('x.fix'),
    link('x.open'),
    link('x.resolve'),
    link('x.next'),
    link('x.archive'),
    link('x.assignMe'),
    link('x.copy'),
  ]);
  assert.deepEqual([...card.commands].sort(), [
    'x.archive',
    'x.assignMe',
    'x.copy',
    'x.details',
    'x.explain',
    'x.fix',
    'x.next',
    'x.open',
    'x.replay',
    'x.resolve',
  ]);
  assert.match(card.markdown, /\[\$\(check\) Resolve\]/);
  assert.match(card.markdown, /\[\$\(check-all\) Resolve in Next Release\]/);
  assert.match(card.markdown, /\[\$\(person\) Assign to Me\]/);
});

test('hides what GlitchTip cannot do, and users it does not count', () => {
  const card = hoverCard(input({ capabilities: glitchtipBackend.capabilities }));
  assert.deepEqual([...card.commands].sort(), [
    'x.archive',
    'x.copy',
    'x.details',
    'x.explain',
    'x.fix',
    'x.open',
    'x.replay',
    'x.resolve',
  ]);
  assert.match(card.markdown, /\$\(pulse\) 25 events\n/);
});

test('hides capability-gated actions when the backend is unknown', () => {
  assert.deepEqual([...hoverCard(input({ capabilities: undefined })).commands].sort(), [
    'x.archive',
    'x.copy',
    'x.details',
    'x.explain',
    'x.fix',
    'x.open',
    'x.replay',
    'x.resolve',
  ]);
});

test('leaves out Open in Sentry and Copy Link when the issue has no page', () => {
  assert.deepEqual([...hoverCard(input({ hasLink: false })).commands].sort(), [
    'x.archive',
    'x.assignMe',
    'x.details',
    'x.explain',
    'x.fix',
    'x.next',
    'x.replay',
    'x.resolve',
  ]);
});

test('offers the actions that fit a resolved issue, and says how it was resolved', () => {
  const card = hoverCard(
    input({ issue: { ...mcpIssue(), status: 'resolved', statusDetails: { inNextRelease: true } } }),
  );
  assert.deepEqual([...card.commands].sort(), [
    'x.archive',
    'x.assignMe',
    'x.copy',
    'x.details',
    'x.explain',
    'x.fix',
    'x.open',
    'x.replay',
    'x.unresolve',
  ]);
  assert.match(card.markdown, / · resolved in the next release · /);
  assert.match(card.markdown, /\[\$\(issue-reopened\) Unresolve\]\(command:x\.unresolve/);
});

test('offers the actions that fit an archived issue, and says until when', () => {
  const card = hoverCard(
    input({ issue: { ...mcpIssue(), status: 'ignored', substatus: 'archived_until_escalating' } }),
  );
  assert.match(card.markdown, / · archived until escalating · /);
  assert.deepEqual([...card.commands].sort(), [
    'x.assignMe',
    'x.copy',
    'x.details',
    'x.explain',
    'x.fix',
    'x.next',
    'x.open',
    'x.replay',
    'x.resolve',
    'x.unresolve',
  ]);
});

test('falls back to the line hit when the store no longer has the issue', () => {
  const { markdown } = hoverCard(input({ issue: undefined, hit: lineHit({ role: 'caller', level: 'warning' }) }));
  assert.match(markdown, /^\$\(warning\) \*\*Error\\: Tool/);
  assert.match(markdown, /CLOUDFLARE\\-MCP\\-41 · warning · this line is in its stack trace\n/);
});

test('warns when the code changed since the release', () => {
  assert.match(
    hoverCard(input({ hit: lineHit({ stale: true }) })).markdown,
    /\$\(warning\) \*This code changed since the release/,
  );
  assert.doesNotMatch(hoverCard(input()).markdown, /code changed/);
});

test('lets no event text add a link, image, HTML or command', () => {
  const hostile =
    '[x](command:evil) ![i](https://e.example/i.png) <img src=x onerror=alert(1)> <!-- c --> `code` https://e.example $(zap)';
  const issue: Issue = {
    ...mcpIssue(),
    title: hostile,
    level: '[l](command:evil)',
    assignedTo: { type: 'user', id: undefined, email: undefined, name: '<b>[me](command:evil)</b>' },
    firstRelease: { version: '](command:evil)' },
  };
  const card = hoverCard(input({ issue, hit: lineHit({ shortId: '[s](command:evil)', title: hostile }) }));
  assert.deepEqual(linkTargets(card.markdown), linkTargets(hoverCard(input()).markdown));
  assert.doesNotMatch(card.markdown, /command:evil\)/);
  assert.doesNotMatch(card.markdown, /(^|[^\\])<(img|b|!--)/);
  assert.doesNotMatch(card.markdown, /[^\\]`code/);
  assert.doesNotMatch(card.markdown, /[^\\]\$\(zap/);
});

test('joins cards with rules, counts the ones left out, and names the commands of the cards shown', () => {
  const inputs = ['1', '2', '3'].map((issueId) =>
    input({ hit: lineHit({ issueId }), hasLink: false, capabilities: glitchtipBackend.capabilities }),
  );
  const cards = hoverCards(inputs, { maxCards: 2 });
  const sections = cards.markdown.split('\n\n---\n\n');
  assert.equal(sections.length, 3);
  assert.match(sections[0] ?? '', /%221%22/);
  assert.match(sections[1] ?? '', /%222%22/);
  assert.equal(sections[2], '*1 more issue on this line: see the Sentry view.*');
  assert.deepEqual([...cards.commands].sort(), [
    'x.archive',
    'x.details',
    'x.explain',
    'x.fix',
    'x.replay',
    'x.resolve',
  ]);
});

test('says when the data may be out of date', () => {
  const cards = hoverCards([input()], { staleSince: '2025-04-12T10:00:00Z' });
  assert.match(cards.markdown, /\n\n---\n\n\$\(cloud-offline\) \*Loaded 2 hours ago; may be out of date\.\*$/);
  assert.doesNotMatch(hoverCards([input()]).markdown, /out of date/);
});

test("names the line's suspect commit once under the cards, its text unable to add markup", () => {
  const cards = hoverCards([input(), input({ hit: lineHit({ issueId: '2' }) })], {
    suspectCommit: "last changed in a1b2c3d by [Eve](command:x.evil), 3 days before shop@1.4.2: '*bold*'",
  });
  const sections = cards.markdown.split('\n\n---\n\n');
  assert.equal(sections.length, 3);
  assert.match(sections[2] ?? '', /^\$\(git-commit\) This line last changed in a1b2c3d by /);
  assert.doesNotMatch(sections[2] ?? '', /\]\(command:/);
  assert.doesNotMatch(sections[2] ?? '', /[^\\]\*bold/);
  assert.doesNotMatch(hoverCards([input()]).markdown, /git-commit/);
});

test("names the raising file's code owners under the cards, with Assign to Owner only when given and allowed by isTrusted", () => {
  const text = ownersText('src/cart.ts', {
    owners: ['@acme/checkout', '[x](command:x.evil)'],
    line: 3,
    pattern: '/src/',
    source: '.github/CODEOWNERS',
  });
  const cards = hoverCards([input()], {
    owners: { text, assign: { command: 'sentryInsight.assignToOwner', issueId: '1' } },
  });
  const owners = cards.markdown.split('\n\n---\n\n').at(-1) ?? '';
  // Markdown escapes aside, the words are the owners' line.
  assert.match(
    owners.replace(/\\(.)/g, '$1'),
    /^\$\(organization\) Code owners of src\/cart\.ts: @acme\/checkout, .* \(\.github\/CODEOWNERS line 3\) · \[Assign to Owner\]\(command:sentryInsight\.assignToOwner\?/,
  );
  assert.doesNotMatch(owners, /\]\(command:x\.evil/);
  assert.ok(cards.commands.includes('sentryInsight.assignToOwner'));
  const unassignable = hoverCards([input()], {
    owners: { text: ownersText('src/cart.ts', { owners: [], line: 7, pattern: '/src/', source: 'CODEOWNERS' }) },
  });
  assert.match(
    unassignable.markdown.replace(/\\(.)/g, '$1'),
    /src\/cart\.ts has no code owners \(CODEOWNERS line 7 names none\)$/,
  );
  assert.ok(!unassignable.commands.includes('sentryInsight.assignToOwner'));
});

test('links the suspect commit to Open Commit with its folder and SHA, and lets only that command run', () => {
  const sha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
  const cards = hoverCards([input()], {
    suspectCommit: 'last changed in a1b2c3d by Jane',
    openCommit: { command: 'sentryInsight.openCommit', argument: { folder: '/work/shop', sha } },
  });
  const line = cards.markdown.split('\n\n---\n\n').at(-1) ?? '';
  assert.match(line, /· \[Open Commit\]\(command:sentryInsight\.openCommit\?/);
  assert.ok(decodeURIComponent(line).includes(JSON.stringify([{ folder: '/work/shop', sha }])));
  assert.ok(cards.commands.includes('sentryInsight.openCommit'));
  assert.ok(
    !hoverCards([input()], {
      openCommit: { command: 'sentryInsight.openCommit', argument: { folder: '/w', sha } },
    }).commands.includes('sentryInsight.openCommit'),
  );
});
