// Issue search on local issues: Sentry's query syntax and the filters the client sends (`is:`, `release:`,
// `environment:`), plus assignment, bookmarks and tags.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AnswerNow } from '../../../../src/core/local/api/apiAnswer';
import { matchesIssue, queriedEnvironments, queriedReleases } from '../../../../src/core/local/api/issueMatching';
import { parseIssueSearch } from '../../../../src/core/local/api/issueSearchQuery';
import { frameFilesFor, localSearchableIssue } from '../../../../src/core/local/api/localSearchableIssue';
import { newIssueDurationMs, type LocalIssue } from '../../../../src/core/local/store/localIssue';
import { LocalStore } from '../../../../src/core/local/store/localStore';
import type { NewEvent } from '../../../../src/core/local/store/storeRecords';

let sequence = 0;
function event(over: Partial<NewEvent>): NewEvent {
  sequence++;
  return {
    eventId: sequence.toString(16).padStart(32, '0'),
    projectId: '1',
    timestamp: sequence,
    receivedAt: sequence,
    tags: [],
    bodyJson: '{}',
    ...over,
  };
}
const facts = (hash: string, title = `Error ${hash}`) => ({
  hash,
  level: 'error',
  platform: 'node',
  title,
  culprit: `${hash}.js`,
  type: 'error' as const,
  metadata: { type: 'TypeError' },
  isUnhandled: true,
});

function sample() {
  const store = new LocalStore();
  const cart = store.addEvent(
    event({ release: 'shop@1.2.3', environment: 'production', tags: [['browser', 'Chrome 120']] }),
    facts('cart', 'TypeError: cart is empty'),
  ).issue;
  const login = store.addEvent(
    event({ release: 'shop@1.2.4', environment: 'staging' }),
    facts('login', 'Error: login failed'),
  ).issue;
  return { store, cart, login };
}

const scope = { environments: [], latestRelease: 'shop@1.2.4', userId: '1' };
const matches = (query: string, issue: LocalIssue, environments: string[] = [], now = 1_000) =>
  matchesIssue(localSearchableIssue(issue, now, undefined), parseIssueSearch(query), { ...scope, environments });

describe('parseIssueSearch', () => {
  test('reads quoted values, lists, negation and free text', () => {
    assert.deepEqual(
      parseIssueSearch('is:unresolved release:"shop@1.2.3 beta" !level:info environment:[prod, "eu west"] cart empty'),
      {
        filters: [
          { key: 'is', values: ['unresolved'], negated: false },
          { key: 'release', values: ['shop@1.2.3 beta'], negated: false },
          { key: 'level', values: ['info'], negated: true },
          { key: 'environment', values: ['prod', 'eu west'], negated: false },
        ],
        text: ['cart', 'empty'],
      },
    );
  });

  test("reads Sentry's tags[key]: spelling as the tag's key", () => {
    assert.deepEqual(parseIssueSearch('!tags[browser.name]:Chrome* tags[os]:[Linux, macOS]').filters, [
      { key: 'browser.name', values: ['Chrome*'], negated: true },
      { key: 'os', values: ['Linux', 'macOS'], negated: false },
    ]);
  });

  test('answers 400 for an unterminated quote or an empty value', () => {
    assert.throws(
      () => parseIssueSearch('release:"abc'),
      (error) => error instanceof AnswerNow && error.answer.status === 400,
    );
    assert.throws(
      () => parseIssueSearch('release: x'),
      (error) => error instanceof AnswerNow && error.answer.status === 400,
    );
  });
});

describe('matchesIssue', () => {
  test('filters by status, with archived meaning ignored', () => {
    const { cart, store } = sample();
    assert.equal(matches('is:unresolved', cart), true);
    store.updateIssue(cart.id, (issue) => (issue.status = 'ignored'));
    assert.deepEqual(
      [matches('is:unresolved', cart), matches('is:archived', cart), matches('is:ignored', cart)],
      [false, true, true],
    );
  });

  test('an issue stays new however many events it gets, and is ongoing a week after its first event, as in Sentry', () => {
    const { cart, store } = sample();
    store.addEvent(event({ release: 'shop@1.2.3' }), facts('cart'));
    assert.deepEqual([matches('is:new', cart), matches('is:ongoing', cart)], [true, false]);
    const aWeekLater = cart.firstSeen + newIssueDurationMs;
    assert.deepEqual(
      [matches('is:new', cart, [], aWeekLater), matches('is:ongoing', cart, [], aWeekLater)],
      [false, true],
    );
  });

  test('refuses an unknown is: value with a 400', () => {
    assert.throws(
      () => matches('is:sleeping', sample().cart),
      (error) => error instanceof AnswerNow && error.answer.status === 400,
    );
  });

  test('matches release: by any event of the issue in that release, and release:latest', () => {
    const { cart, login } = sample();
    assert.deepEqual([matches('release:shop@1.2.3', cart), matches('release:shop@1.2.3', login)], [true, false]);
    assert.deepEqual([matches('release:latest', cart), matches('release:latest', login)], [false, true]);
    assert.deepEqual(queriedReleases(parseIssueSearch('release:latest'), scope), ['shop@1.2.4']);
  });

  test('matches environment from the query or the parameter', () => {
    const { cart, login } = sample();
    assert.deepEqual(
      [matches('environment:production', cart), matches('environment:production', login)],
      [true, false],
    );
    assert.deepEqual([matches('', cart, ['staging']), matches('', login, ['staging'])], [false, true]);
    assert.deepEqual(queriedEnvironments(parseIssueSearch('environment:a'), ['b']), ['b', 'a']);
  });

  test('matches free text against the title, negation, tags and error fields', () => {
    const { cart, login } = sample();
    assert.deepEqual([matches('cart', cart), matches('cart', login)], [true, false]);
    assert.equal(matches('!release:shop@1.2.3', cart), false);
    assert.deepEqual([matches('browser:Chrome*', cart), matches('browser:Chrome*', login)], [true, false]);
    assert.equal(matches('error.type:TypeError error.unhandled:true', cart), true);
  });

  test("matches stack.filename: by the frames of the issue's newest kept event", async () => {
    const store = new LocalStore();
    const frames = [{ filename: 'src/cart.ts', lineNo: 3 }, { filename: 'node_modules/x/index.js' }];
    const body = { entries: [{ type: 'exception', data: { values: [{ type: 'Error', stacktrace: { frames } }] } }] };
    const cart = store.addEvent(event({ bodyJson: JSON.stringify(body) }), facts('cart')).issue;
    // Its text names the file, but no frame does.
    const other = store.addEvent(event({ bodyJson: '{"message":"src/cart.ts"}' }), facts('other')).issue;
    const found = async (query: string, issue: LocalIssue): Promise<boolean> => {
      const search = parseIssueSearch(query);
      const files = await frameFilesFor(store, [cart, other], search);
      return matchesIssue(localSearchableIssue(issue, 1_000, files), search, scope);
    };
    assert.deepEqual(
      [await found('stack.filename:*cart.ts', cart), await found('stack.filename:*cart.ts', other)],
      [true, false],
    );
    assert.deepEqual(
      [await found('stack.filename:src/cart.ts', cart), await found('stack.filename:*.py', cart)],
      [true, false],
    );
    assert.equal(await frameFilesFor(store, [cart], parseIssueSearch('is:unresolved')), undefined, 'no body read');
  });

  test('matches assignment and bookmarks', () => {
    const { cart, store } = sample();
    assert.equal(matches('is:unassigned', cart), true);
    store.updateIssue(cart.id, (issue) => {
      issue.assignedTo = { type: 'user', id: '1', name: 'Local user' };
      issue.isBookmarked = true;
    });
    assert.deepEqual(
      [
        matches('assigned:me', cart),
        matches('is:assigned', cart),
        matches('bookmarks:me', cart),
        matches('assigned:none', cart),
      ],
      [true, true, true, false],
    );
  });
});
