// Proves the replay's Debug Adapter Protocol answers from a recorded event: the stop on the raising line with the
// exception as the reason, the call stack innermost first with workspace frames opening and others not, each frame's
// variables in a scope with nested containers behind stable references, truncation notes, chained exceptions as
// threads, and refusals of anything that would run.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventSchema, stackOfEvent, type EventFrame } from '../../../../src/core/api/eventSchema';
import type { DapEvent, DapOutgoing, DapResponse } from '../../../../src/core/replay/dapMessages';
import { nothingRunsMessage, ReplayAdapter } from '../../../../src/core/replay/replayAdapter';
import { inlineValueLines } from '../../../../src/core/replay/inlineValues';
import { replayOfStack, type ReplayLocation } from '../../../../src/core/replay/replayModel';
import { variablesOfFrame } from '../../../../src/core/variables/variableTree';

const workspace = '/work/shop';

function frame(filename: string, lineNo: number, fn: string, vars?: unknown, inApp = true): Record<string, unknown> {
  return {
    filename,
    absPath: filename,
    function: fn,
    lineNo,
    colNo: 3,
    inApp,
    context: [],
    ...(vars === undefined ? {} : { vars }),
  };
}

/** A Python-style chained exception: KeyError caused the ValueError that was raised. */
function recordedEvent(): unknown {
  const cause = {
    type: 'KeyError',
    value: "'sku'",
    mechanism: { type: 'chained', handled: true },
    stacktrace: { frames: [frame('shop/catalog.py', 12, 'lookup', { key: "'sku'" })] },
  };
  const thrown = {
    type: 'ValueError',
    value: 'no price for sku-9',
    mechanism: { type: 'generic', handled: false },
    stacktrace: {
      frames: [
        frame('django/core/handlers/base.py', 181, 'get_response', { request: "<WSGIRequest: GET '/cart'>" }, false),
        frame('shop/views.py', 30, 'cart_view', { user_id: '7' }),
        frame('shop/pricing.py', 41, 'price_of', {
          line: { sku: "'sku-9'", quantity: '2' },
          prices: ["'1.00'", "'2.00'"],
          password: "'hunter2'",
        }),
      ],
    },
  };
  return {
    id: 'e1',
    entries: [{ type: 'exception', data: { values: [cause, thrown] } }],
    _meta: {
      entries: {
        0: { data: { values: { 1: { stacktrace: { frames: { 2: { vars: { prices: { '': { len: 40 } } } } } } } } } },
      },
    },
  };
}

/** The resolver's answer: shop files are in the workspace and pricing.py's line moved down by 3 since the release. */
function locate(frame: EventFrame): ReplayLocation | undefined {
  if (!frame.filename?.startsWith('shop/') || !frame.lineNo) return undefined;
  const moved = frame.filename === 'shop/pricing.py' ? 3 : 0;
  return { path: `${workspace}/${frame.filename}`, line: frame.lineNo + moved };
}

class Client {
  private seq = 1;
  readonly adapter = new ReplayAdapter(
    replayOfStack('SHOP-9', stackOfEvent(eventSchema.parse(recordedEvent())), locate),
  );

  send(command: string, args?: unknown): DapOutgoing[] {
    return this.adapter.handle({
      seq: this.seq++,
      type: 'request',
      command,
      ...(args === undefined ? {} : { arguments: args }),
    });
  }

  request(command: string, args?: unknown): DapResponse {
    const [response] = this.send(command, args);
    assert.ok(response && response.type === 'response', `${command} has a response`);
    assert.equal(response.command, command);
    return response;
  }

  body<T>(command: string, args?: unknown): T {
    const response = this.request(command, args);
    assert.equal(response.success, true, `${command} succeeds: ${response.message ?? ''}`);
    return response.body as T;
  }
}

interface Frames {
  stackFrames: Array<{
    id: number;
    name: string;
    line: number;
    column: number;
    source?: { path?: string };
    presentationHint?: string;
  }>;
  totalFrames: number;
}
interface Variables {
  variables: Array<{
    name: string;
    value: string;
    variablesReference: number;
    indexedVariables?: number;
    namedVariables?: number;
  }>;
}

function topFrameId(client: Client): number {
  const frames = client.body<Frames>('stackTrace', { threadId: 1 });
  return frames.stackFrames[0]?.id ?? -1;
}

describe('replay debug adapter', () => {
  test('stops after configuration on the thrown exception, with its type and value as the reason', () => {
    const client = new Client();
    const initialize = client.send('initialize', { adapterID: 'sentry-replay' });
    assert.equal((initialize[0] as DapResponse).success, true);
    assert.equal((initialize[1] as DapEvent).event, 'initialized');
    client.body('launch', {});
    const [done, stopped] = client.send('configurationDone');
    assert.equal((done as DapResponse).success, true);
    assert.deepEqual((stopped as DapEvent).body, {
      reason: 'exception',
      description: 'Paused on ValueError',
      text: 'ValueError: no price for sku-9',
      threadId: 1,
      allThreadsStopped: true,
    });
    assert.deepEqual(client.body('exceptionInfo', { threadId: 1 }), {
      exceptionId: 'ValueError',
      description: 'no price for sku-9',
      breakMode: 'unhandled',
      details: { typeName: 'ValueError', message: 'no price for sku-9' },
    });
  });

  test('shows the chained exceptions as threads, the thrown one first', () => {
    const client = new Client();
    assert.deepEqual(client.body('threads'), {
      threads: [
        { id: 1, name: 'ValueError: no price for sku-9' },
        { id: 2, name: "Cause: KeyError: 'sku'" },
      ],
    });
    const cause = client.body<Frames>('stackTrace', { threadId: 2 });
    assert.deepEqual(
      cause.stackFrames.map((f) => [f.name, f.source?.path, f.line]),
      [['lookup', `${workspace}/shop/catalog.py`, 12]],
    );
    assert.equal(client.body<{ breakMode: string }>('exceptionInfo', { threadId: 2 }).breakMode, 'always');
  });

  test("lists frames innermost first: workspace frames at today's line, others named but without a source", () => {
    const client = new Client();
    const frames = client.body<Frames>('stackTrace', { threadId: 1 });
    assert.equal(frames.totalFrames, 3);
    assert.deepEqual(
      frames.stackFrames.map((f) => [f.name, f.source?.path ?? null, f.line, f.presentationHint ?? null]),
      [
        ['price_of', `${workspace}/shop/pricing.py`, 44, null],
        ['cart_view', `${workspace}/shop/views.py`, 30, null],
        ['get_response (django/core/handlers/base.py:181)', null, 0, 'subtle'],
      ],
    );
    const page = client.body<Frames>('stackTrace', { threadId: 1, startFrame: 1, levels: 1 });
    assert.deepEqual(
      page.stackFrames.map((f) => f.name),
      ['cart_view'],
    );
    assert.equal(new Set(frames.stackFrames.map((f) => f.id)).size, 3, 'frame ids are distinct');
  });

  test("shows a frame's vars in a Locals scope, containers behind references, trimming noted, secrets scrubbed", () => {
    const client = new Client();
    const scopes = client.body<{ scopes: Array<{ name: string; variablesReference: number }> }>('scopes', {
      frameId: topFrameId(client),
    });
    assert.deepEqual(
      scopes.scopes.map((scope) => scope.name),
      ['Locals'],
    );
    const locals = client.body<Variables>('variables', { variablesReference: scopes.scopes[0]?.variablesReference });
    assert.deepEqual(
      locals.variables.map((v) => [v.name, v.value, v.variablesReference > 0]),
      [
        ['line', '{2 keys}', true],
        ['prices', '[40 items]  (2 of 40 items sent)', true],
        ['password', '[Filtered]  (hidden: sensitive name)', false],
      ],
    );
    const prices = locals.variables[1];
    assert.equal(prices?.indexedVariables, 2);
    const items = client.body<Variables>('variables', { variablesReference: prices?.variablesReference });
    assert.deepEqual(
      items.variables.map((v) => [v.name, v.value]),
      [
        ['0', "'1.00'"],
        ['1', "'2.00'"],
      ],
    );
    // Asking again hands out the same references, so the view can reopen what was open.
    const again = client.body<Variables>('variables', { variablesReference: scopes.scopes[0]?.variablesReference });
    assert.deepEqual(
      again.variables.map((v) => v.variablesReference),
      locals.variables.map((v) => v.variablesReference),
    );
    const line = client.body<Variables>('variables', { variablesReference: locals.variables[0]?.variablesReference });
    assert.deepEqual(
      line.variables.map((v) => [v.name, v.value]),
      [
        ['sku', "'sku-9'"],
        ['quantity', '2'],
      ],
    );
  });

  test('a frame without vars has no scopes; an unknown reference or frame is refused', () => {
    const client = new Client();
    const outside = client.body<Frames>('stackTrace', { threadId: 1 }).stackFrames[2];
    assert.equal(
      client.body<{ scopes: unknown[] }>('scopes', { frameId: outside?.id }).scopes.length,
      1,
      'the Django frame sent request',
    );
    assert.equal(client.request('variables', { variablesReference: 9999 }).success, false);
    assert.equal(client.request('scopes', { frameId: 9999 }).success, false);
    assert.equal(client.request('stackTrace', { threadId: 7 }).success, false);
    assert.equal(client.request('scopes', { frameId: 'x' }).success, false);
  });

  test('evaluates recorded names and paths for hovers, nothing else', () => {
    const client = new Client();
    const frameId = topFrameId(client);
    assert.equal(
      client.body<{ result: string }>('evaluate', { expression: 'line.sku', frameId, context: 'hover' }).result,
      "'sku-9'",
    );
    assert.equal(
      client.body<{ result: string }>('evaluate', { expression: 'prices[1]', frameId, context: 'hover' }).result,
      "'2.00'",
    );
    assert.ok(
      client.body<{ variablesReference: number }>('evaluate', { expression: 'line', frameId }).variablesReference > 0,
    );
    assert.equal(client.request('evaluate', { expression: 'line.sku.upper()', frameId }).success, false);
    assert.equal(client.request('evaluate', { expression: 'process.exit(1)', frameId }).success, false);
  });

  test('refuses to step, answers continue and terminate by ending, and ignores what is not a request', () => {
    const client = new Client();
    for (const command of ['next', 'stepIn', 'stepOut', 'pause', 'restartFrame']) {
      const response = client.request(command, { threadId: 1 });
      assert.equal(response.success, false);
      assert.equal(response.message, nothingRunsMessage);
    }
    const [response, terminated] = client.send('continue', { threadId: 1 });
    assert.equal((response as DapResponse).success, true);
    assert.equal((terminated as DapEvent).event, 'terminated');
    const [stopResponse, stopped] = new Client().send('terminate', {});
    assert.equal((stopResponse as DapResponse).success, true);
    assert.equal((stopped as DapEvent).event, 'terminated');
    assert.deepEqual(client.adapter.handle({ type: 'event', event: 'x' }), []);
    assert.deepEqual(client.adapter.handle('junk'), []);
  });
});

describe('inline values of a stopped frame', () => {
  test('puts each variable on the nearest line above that names it, the rest on the stopped line', () => {
    const lines = [
      'function cartTotal(lines) {',
      '  let sum = 0;',
      '  for (const line of lines) {',
      '    sum += line.item.price;',
      '  }',
    ];
    const variables = variablesOfFrame({ sum: 12.5, line: { sku: 'sku-9' }, lines: [1, 2], hidden: 'x' }, undefined);
    assert.deepEqual(
      inlineValueLines(variables, 3, (n) => lines[n]),
      [
        { line: 2, text: 'lines = [2 items]' },
        { line: 3, text: 'sum = 12.5, line = {1 key}, hidden = x' },
      ],
    );
  });
});
