// A real Python SDK event with local variables (`vars`), recorded from sentry-python's Django integration
// (test/fixtures/envelopes/sdk-ingest), sent to the local Sentry over real HTTP as the SDK sends it: the variables come
// back from the Web API on each frame, and the tree the panel and the debugger replay show holds them, innermost frame
// first. A password variable added to the raising frame is scrubbed at ingest. The Python SDK itself cannot be
// installed on this project's machines (no PyPI), so the recording stands in for it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eventSchema, stackOfEvent } from '../../../../src/core/api/eventSchema';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { replayOfStack } from '../../../../src/core/replay/replayModel';
import { findRepoRoot } from '../../../support/fakeSentry/repoRoot';
import { envelopePath, eventEnvelope, send } from './localHttp';

type Json = Record<string, unknown>;

function recordedPythonEvent(): Json {
  const path = join(
    findRepoRoot(),
    'test',
    'fixtures',
    'envelopes',
    'sdk-ingest',
    'sdk-ingest.python_zero_division.json',
  );
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

/** The recorded event with `password` among the raising frame's variables (the last frame is the innermost). */
function withPasswordVariable(event: Json): Json {
  const exception = (event['exception'] as { values: Array<{ stacktrace: { frames: Json[] } }> }).values[0];
  const frames = exception?.stacktrace.frames ?? [];
  const raising = frames[frames.length - 1];
  if (raising) raising['vars'] = { ...(raising['vars'] as Json), password: "'hunter2'" };
  return event;
}

describe('a Python SDK event with local variables through the local Sentry', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'python-vars-'));
  let server: LocalSentry;
  before(async () => {
    mkdirSync(join(workspace, 'errors'));
    const view = Array.from({ length: 17 }, (_, index) => `# line ${index + 1}`);
    writeFileSync(join(workspace, 'errors', 'views.py'), [...view, '        0/0', ''].join('\n'));
    server = await startLocalSentry({ workspaceFolders: [{ name: 'django-app', path: workspace }] });
  });
  after(async () => {
    await server.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('keeps each frame’s vars, scrubbed, for the panel and the replay', async () => {
    const posted = await send(server.port, {
      path: envelopePath('1'),
      body: eventEnvelope(withPasswordVariable(recordedPythonEvent())),
    });
    assert.equal(posted.status, 200);
    const issueId = server.store.issues()[0]?.id ?? '';
    const latest = await send(server.port, {
      method: 'GET',
      path: `/api/0/organizations/local/issues/${issueId}/events/latest/`,
    });
    assert.equal(latest.status, 200);
    assert.ok(!latest.text.includes('hunter2'), 'the Web API answers the password variable');

    const replay = replayOfStack('ZeroDivisionError', stackOfEvent(eventSchema.parse(latest.json())), () => undefined);
    const frames = replay.threads[0]?.frames ?? [];
    assert.equal(frames.length, 6);
    const raising = frames[0];
    assert.equal(raising?.name, 'get');
    assert.equal(raising?.label, 'errors/views.py:18');
    const byName = new Map((raising?.variables ?? []).map((variable) => [variable.name, variable]));
    assert.deepEqual([...byName.keys()].sort(), ['args', 'kwargs', 'password', 'request', 'self']);
    assert.equal(byName.get('request')?.value, "<WSGIRequest: GET '/divide-zero/'>");
    assert.equal(byName.get('args')?.kind, 'array');
    assert.equal(byName.get('kwargs')?.kind, 'object');
    assert.equal(byName.get('password')?.value, '[Filtered]');

    // The caller's frame (Django's dispatch) keeps its own variables, the handler among them.
    const caller = frames[1];
    assert.equal(caller?.name, 'dispatch');
    assert.ok(
      caller?.variables.some(
        (variable) => variable.name === 'handler' && variable.value.startsWith('<bound method DivideZeroView.get'),
      ),
    );
  });
});
