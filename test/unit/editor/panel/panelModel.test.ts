// Proves the host's half of the panel: frames that resolve become links (and only those may be opened), a frame that
// fails to resolve does not stop the load, triage seen in the store shows in the panel and rolls back with it, and
// the user data setting and the backend reach the model.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { glitchtipBackend, sentryBackend, type BackendCapabilities } from '../../../../src/core/api/backend';
import { apiError } from '../../../../src/core/api/errors';
import type { Issue } from '../../../../src/core/api/issueSchema';
import { issueViewModelSchema } from '../../../../src/core/format/issueViewModel';
import type { SourceFrame } from '../../../../src/core/resolve/frame';
import { err, ok } from '../../../../src/core/result';
import {
  followStore,
  linkTargetKey,
  linkTargetsOf,
  loadPanelIssue,
  panelModelOf,
  type LoadedIssue,
  type PanelDataSource,
} from '../../../../src/editor/panel/panelModel';
import { issueChangeOf } from '../../../../src/editor/panel/panelTriage';
import { fixedNow, fixtureEvent, fixtureIssue, fixtureTags } from '../../core/format/panelFixtures';

const issueId = '6507376925';

class FakeSource implements PanelDataSource {
  storeIssue: Issue | undefined = fixtureIssue();
  capabilities: BackendCapabilities | undefined = sentryBackend.capabilities;
  failLoad = false;
  /** The release of the folder that listed the issue. */
  release: string | undefined;
  /** Fields the issue details answer differs in. */
  detailChange: Record<string, unknown> = {};
  readonly store = {
    findIssue: (id: string) =>
      id === issueId && this.storeIssue
        ? { issue: this.storeIssue, folder: { snapshot: this.release ? { release: { version: this.release } } : {} } }
        : undefined,
  };
  readonly settings = { showUserData: false };
  constructor(
    private readonly resolve: (
      frame: SourceFrame,
    ) => Promise<{ uri: { toString(): string }; line: number } | undefined>,
  ) {}
  async loadIssueDetails() {
    if (this.failLoad) return err(apiError('server', 'Sentry answered 503; the last good data stays.'));
    return ok({
      issue: fixtureIssue(this.detailChange),
      event: fixtureEvent('python'),
      tags: fixtureTags(),
      folderPath: '/work/app',
    });
  }
  capabilitiesOf() {
    return this.capabilities;
  }
  issueUrl() {
    return 'https://sentry.example/organizations/acme/issues/6507376925/';
  }
  resolveFrameLocation(_id: string, frame: SourceFrame) {
    return this.resolve(frame);
  }
}

/** Resolves the Django view file to the workspace; every other frame is outside it. */
function workspaceResolver(frame: SourceFrame) {
  if (frame.filename === 'errors/views.py')
    return Promise.resolve({ uri: { toString: () => 'file:///work/app/errors/views.py' }, line: frame.lineNo ?? 1 });
  if (frame.function === 'dispatch') return Promise.reject(new Error('source map unreadable'));
  return Promise.resolve(undefined);
}

async function loaded(source: FakeSource): Promise<LoadedIssue> {
  const result = await loadPanelIssue(source, issueId);
  assert.ok(result.ok, 'the issue loads');
  return result.value;
}

describe('panel model on the host', () => {
  test('links the frames that resolve to workspace files, and only those may be opened', async () => {
    const source = new FakeSource(workspaceResolver);
    const model = panelModelOf(source, issueId, await loaded(source), fixedNow);
    const frames = model.event?.exceptions[0]?.frames ?? [];
    assert.deepEqual(
      frames.filter((frame) => frame.link).map((frame) => [frame.function, frame.link?.uri, frame.link?.line]),
      [['get', 'file:///work/app/errors/views.py', 18]],
    );
    assert.deepEqual([...linkTargetsOf(model)], [linkTargetKey({ uri: 'file:///work/app/errors/views.py', line: 18 })]);
    assert.ok(!linkTargetsOf(model).has(linkTargetKey({ uri: 'file:///etc/passwd', line: 1 })));
  });

  test("tells the issue's story against the release of the folder that listed it", async () => {
    const source = new FakeSource(workspaceResolver);
    source.detailChange = { firstRelease: { version: 'shop@2.0.0' }, lastRelease: { version: 'shop@2.0.0' } };
    source.release = 'shop@2.0.0';
    assert.equal(
      panelModelOf(source, issueId, await loaded(source), fixedNow).header.story?.headline,
      'New in shop@2.0.0',
    );
    source.release = 'shop@2.1.0';
    assert.equal(
      panelModelOf(source, issueId, await loaded(source), fixedNow).header.story?.headline,
      'Carried over from shop@2.0.0',
    );
  });

  test('adds the cause when the workspace has told it: the suspect commit with its SHA, the owners, and Assign to Owner where the server assigns', async () => {
    const source = new FakeSource(workspaceResolver);
    const current = await loaded(source);
    assert.equal(panelModelOf(source, issueId, current, fixedNow).cause, undefined);
    const sha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    const cause = {
      folder: '/work/app',
      file: 'errors/views.py',
      line: 27,
      suspect: {
        sha,
        author: 'Jane Doe',
        authorTime: Date.parse('2026-11-28T00:00:00Z'),
        summary: 'Divide the totals',
        release: { version: 'shop@1.4.2', sha, time: Date.parse('2026-12-01T00:00:00Z') },
        inRelease: true,
      },
      owners: { owners: ['@acme/checkout'], line: 3, pattern: '/errors/', source: '.github/CODEOWNERS' },
    };
    const model = panelModelOf(source, issueId, current, fixedNow, cause);
    assert.deepEqual(model.cause, {
      location: 'errors/views.py:27',
      suspectCommit: {
        text: "This line last changed in a1b2c3d by Jane Doe, 3 days before shop@1.4.2: 'Divide the totals'",
        sha,
      },
      owners: 'Code owners of errors/views.py: @acme/checkout (.github/CODEOWNERS line 3)',
      assignToOwner: true,
    });
    assert.ok(issueViewModelSchema.safeParse(model).success, 'the page accepts the model');
    source.capabilities = glitchtipBackend.capabilities;
    assert.equal(
      panelModelOf(source, issueId, current, fixedNow, { ...cause, suspect: undefined }).cause?.assignToOwner,
      false,
    );
  });

  test('reports a failed load as the API error', async () => {
    const source = new FakeSource(workspaceResolver);
    source.failLoad = true;
    const result = await loadPanelIssue(source, issueId);
    assert.deepEqual(result.ok ? undefined : result.error.message, 'Sentry answered 503; the last good data stays.');
  });

  test('shows triage from anywhere in the editor at once, and its rollback', async () => {
    const source = new FakeSource(workspaceResolver);
    const before = source.storeIssue as Issue;
    let current = await loaded(source);
    current = followStore(source, issueId, current);
    assert.equal(panelModelOf(source, issueId, current, fixedNow).header.status.label, 'Ongoing');
    source.storeIssue = {
      ...before,
      status: 'resolved',
      substatus: undefined,
      statusDetails: { inNextRelease: true },
      assignedTo: { type: 'user', id: '7', name: 'Sam', email: undefined },
    };
    current = followStore(source, issueId, current);
    const resolved = panelModelOf(source, issueId, current, fixedNow).header;
    assert.deepEqual([resolved.status.label, resolved.assignee], ['Resolved in the next release', 'Sam']);
    source.storeIssue = before;
    current = followStore(source, issueId, current);
    assert.equal(panelModelOf(source, issueId, current, fixedNow).header.status.label, 'Ongoing');
  });

  test('keeps the last status when the issue leaves the store, and does not let an older store entry win over fresh details', async () => {
    const source = new FakeSource(workspaceResolver);
    let current = await loaded(source);
    source.storeIssue = { ...(source.storeIssue as Issue), status: 'ignored', substatus: 'archived_until_escalating' };
    current = followStore(source, issueId, current);
    source.storeIssue = undefined; // a refresh lists unresolved issues only
    current = followStore(source, issueId, current);
    assert.equal(panelModelOf(source, issueId, current, fixedNow).header.status.label, 'Archived until escalating');

    source.storeIssue = { ...fixtureIssue(), status: 'resolved' }; // the store's copy, different from the details at load
    const fresh = followStore(source, issueId, await loaded(source));
    assert.equal(panelModelOf(source, issueId, fresh, fixedNow).header.status.label, 'Ongoing');
  });

  test('follows the user data setting, the backend and the editor-built link', async () => {
    const source = new FakeSource(workspaceResolver);
    const current = await loaded(source);
    source.settings.showUserData = true;
    source.capabilities = glitchtipBackend.capabilities;
    const model = panelModelOf(source, issueId, current, fixedNow);
    assert.equal(model.userDataShown, true);
    assert.deepEqual(model.actions, ['resolve', 'unresolve', 'archive']);
    assert.equal(model.header.permalink, 'https://sentry.example/organizations/acme/issues/6507376925/');
  });
});

describe('panel triage changes', () => {
  test('turns each button into the change the editor sends', async () => {
    const me = async () => '42';
    assert.deepEqual(await issueChangeOf('resolve', me), { action: 'resolve' });
    assert.deepEqual(await issueChangeOf('resolveInNextRelease', me), { action: 'resolveInNextRelease' });
    assert.deepEqual(await issueChangeOf('unresolve', me), { action: 'unresolve' });
    assert.deepEqual(await issueChangeOf('archive', me), { action: 'archive', until: 'escalating' });
    assert.deepEqual(await issueChangeOf('assignToMe', me), { action: 'assign', assignee: 'user:42' });
  });

  test('cannot assign to me when my user on the server is unknown', async () => {
    assert.equal(await issueChangeOf('assignToMe', async () => undefined), undefined);
  });
});
