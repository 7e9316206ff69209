// The fault matrix of issue 11: every operation the product asks of a Sentry server (list issues, latest event, tags,
// releases, update) against every way a server misbehaves, over real HTTP. Each cell must end (the test runner's
// timeout bounds it), either recover or fail with a message naming the cause and the next step, and never carry the
// token to another host. The test prints the matrix as a table. The last good data is the caller's to keep: the
// folder session's column proves a failed load leaves the previous one in place.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import type { ApiError } from '../../../../src/core/api/errors';
import { silentLogger } from '../../../../src/core/log';
import type { Result } from '../../../../src/core/result';
import { FolderSession } from '../../../../src/core/session/folderSession';
import {
  DEFAULT_TOKEN,
  defaultScenario,
  scenario,
  startFakeSentry,
  type FakeSentry,
  type Fault,
} from '../../../support/fakeSentry';
import { writeWorkspace } from '../../../support/workspaceDir';

const org = scenario.org;
const issueId = '1001';
// Above the fake's never-ending body (it announces 1 MB), so that one fails on time, not on size.
const maxResponseBytes = 2 * 1024 * 1024;

interface Operation {
  readonly name: string;
  readonly method: 'GET' | 'PUT';
  readonly path: string;
  readonly list: boolean;
  /** A field of its answer for the field faults, and whether the answer may lack it. */
  readonly field: { readonly name: string; readonly optional?: boolean };
  run(client: SentryClient): Promise<Result<unknown, ApiError>>;
}

const operations: readonly Operation[] = [
  {
    name: 'list issues',
    method: 'GET',
    path: `/api/0/organizations/${org}/issues/`,
    list: true,
    field: { name: 'id' },
    run: (client) => client.issues(org, { projectId: scenario.projects.web.id, query: 'is:unresolved' }),
  },
  {
    name: 'latest event',
    method: 'GET',
    path: `/api/0/organizations/${org}/issues/${issueId}/events/latest/`,
    list: false,
    field: { name: 'id' },
    run: (client) => client.latestEvent(org, issueId),
  },
  {
    name: 'tags',
    method: 'GET',
    path: `/api/0/organizations/${org}/issues/${issueId}/tags/`,
    list: false,
    field: { name: 'key' },
    run: (client) => client.issueTags(org, issueId, ['browser']),
  },
  {
    name: 'releases',
    method: 'GET',
    path: `/api/0/organizations/${org}/releases/`,
    list: true,
    field: { name: 'version' },
    run: (client) => client.releases(org, { projectId: scenario.projects.web.id, maxReleases: 500 }),
  },
  // An update's answer is only read for the status it confirms, which may be absent (a 204 has no body at all).
  {
    name: 'update',
    method: 'PUT',
    path: `/api/0/organizations/${org}/issues/${issueId}/`,
    list: false,
    field: { name: 'status', optional: true },
    run: (client) => client.updateIssue(org, issueId, { action: 'resolve' }),
  },
];

/**
 * What a cell must show: recovered (`ok`); recovered with part of a list and a logged warning matching `warning`; or
 * failed with a message matching `cause`.
 */
type Expectation = { readonly ok: true; readonly warning?: RegExp } | { readonly ok: false; readonly cause: RegExp };

interface FaultCase {
  readonly name: string;
  /** Only list operations follow cursors. */
  readonly listOnly?: boolean;
  readonly expect: Expectation | ((op: Operation) => Expectation);
  /** The faults to queue for this operation; `body` is the operation's normal answer, for mutations. */
  faults(op: Operation, body: unknown, other: FakeSentry): Fault[];
}

const every = Number.POSITIVE_INFINITY;
const recovers: Expectation = { ok: true };
const fails = (cause: RegExp): Expectation => ({ ok: false, cause });

/** The first object of an answer (a list's first item), to break one field of. */
function firstObject(body: unknown): Record<string, unknown> {
  const target = Array.isArray(body) ? body[0] : body;
  assert.ok(target && typeof target === 'object', 'the normal answer holds an object');
  return target as Record<string, unknown>;
}

/** The normal answer with `change` made to the operation's field in its first object. */
function mutated(op: Operation, body: unknown, change: (object: Record<string, unknown>, key: string) => void): string {
  const copy = structuredClone(body);
  const object = firstObject(copy);
  const key = op.field.name;
  assert.ok(key in object, `${key} in ${JSON.stringify(object).slice(0, 200)}`);
  change(object, key);
  return JSON.stringify(copy);
}

/** A field that is absent or null: a schema failure naming it, or recovery where the answer may lack it. */
const absentField = (op: Operation): Expectation =>
  op.field.optional ? recovers : fails(new RegExp(`\\b${op.field.name}\\b`));
/** A field of the wrong type is a schema failure naming it, optional or not. */
const wrongField = (op: Operation): Expectation => fails(new RegExp(`\\b${op.field.name}\\b`));

const faultCases: readonly FaultCase[] = [
  {
    name: '401',
    expect: fails(/token|sign in/i),
    faults: (op) => [{ method: op.method, path: op.path, status: 401, times: every }],
  },
  {
    name: '403',
    expect: fails(/scope|permission|access/i),
    faults: (op) => [{ method: op.method, path: op.path, status: 403, times: every }],
  },
  {
    name: '404',
    expect: fails(/404/),
    faults: (op) => [{ method: op.method, path: op.path, status: 404, times: every }],
  },
  {
    name: '429 Retry-After: seconds',
    expect: recovers,
    faults: (op) => [{ method: op.method, path: op.path, status: 429, headers: { 'Retry-After': '1' } }],
  },
  {
    name: '429 Retry-After: HTTP date',
    expect: recovers,
    faults: (op) => [
      {
        method: op.method,
        path: op.path,
        status: 429,
        headers: { 'Retry-After': new Date(Date.now() + 1500).toUTCString() },
      },
    ],
  },
  {
    name: '429 bare string',
    expect: recovers,
    faults: (op) => [{ method: op.method, path: op.path, status: 429, times: 2 }],
  },
  {
    name: '429 asking for an hour',
    expect: fails(/rate|too many|limit/i),
    faults: (op) => [
      { method: op.method, path: op.path, status: 429, headers: { 'Retry-After': '3600' }, times: every },
    ],
  },
  { name: '500 once', expect: recovers, faults: (op) => [{ method: op.method, path: op.path, status: 500 }] },
  {
    name: '500',
    expect: fails(/500|internal error/i),
    faults: (op) => [{ method: op.method, path: op.path, status: 500, times: every }],
  },
  {
    name: '502',
    expect: fails(/502|gateway|unavailable/i),
    faults: (op) => [{ method: op.method, path: op.path, status: 502, times: every }],
  },
  {
    name: '503',
    expect: fails(/503|unavailable/i),
    faults: (op) => [{ method: op.method, path: op.path, status: 503, times: every }],
  },
  {
    name: 'connection reset',
    expect: fails(/connection|network|closed|reset/i),
    faults: (op) => [{ method: op.method, path: op.path, destroySocket: true, times: every }],
  },
  {
    name: 'no answer',
    expect: fails(/did not answer within/),
    faults: (op) => [{ method: op.method, path: op.path, delayMs: 60_000, times: every }],
  },
  {
    name: 'endless body',
    expect: fails(/did not finish sending/),
    faults: (op) => [{ method: op.method, path: op.path, endlessBody: true, times: every }],
  },
  {
    name: 'truncated JSON',
    expect: fails(/not (valid )?JSON|malformed|could not be read/i),
    faults: (op, body) => {
      const text = JSON.stringify(body);
      return [
        {
          method: op.method,
          path: op.path,
          status: 200,
          body: text.slice(0, Math.max(1, Math.floor(text.length / 2))),
          times: every,
        },
      ];
    },
  },
  {
    name: 'invalid JSON (HTML)',
    expect: fails(/not (valid )?JSON|malformed|could not be read|web page/i),
    faults: (op) => [
      { method: op.method, path: op.path, status: 200, body: '<html><body>Welcome</body></html>', times: every },
    ],
  },
  {
    name: 'missing field',
    expect: absentField,
    faults: (op, body) => [
      {
        method: op.method,
        path: op.path,
        status: 200,
        body: mutated(op, body, (object, key) => delete object[key]),
        times: every,
      },
    ],
  },
  {
    name: 'extra field',
    expect: recovers,
    faults: (op, body) => [
      {
        method: op.method,
        path: op.path,
        status: 200,
        body: mutated(op, body, (object) => (object.someFieldFromTheFuture = { nested: [1, 2, 3] })),
        times: every,
      },
    ],
  },
  {
    name: 'null field',
    expect: absentField,
    faults: (op, body) => [
      {
        method: op.method,
        path: op.path,
        status: 200,
        body: mutated(op, body, (object, key) => (object[key] = null)),
        times: every,
      },
    ],
  },
  {
    name: 'wrong-typed field',
    expect: wrongField,
    faults: (op, body) => [
      {
        method: op.method,
        path: op.path,
        status: 200,
        body: mutated(op, body, (object, key) => (object[key] = { not: 'a string' })),
        times: every,
      },
    ],
  },
  {
    name: 'oversized body',
    expect: fails(/larger than/),
    faults: (op) => [
      {
        method: op.method,
        path: op.path,
        status: 200,
        body: JSON.stringify({ padding: 'x'.repeat(maxResponseBytes + 1024) }),
        times: every,
      },
    ],
  },
  // Part of the list, and a warning that says the cursors loop (the fake sends its first page again each time).
  {
    name: 'looping cursor',
    listOnly: true,
    expect: { ok: true, warning: /cursors loop/ },
    faults: (op) => [{ method: op.method, path: op.path, endlessCursor: true, times: every }],
  },
  {
    name: 'redirect to another host',
    expect: fails(/redirect|30[1278]|moved|another/i),
    faults: (op, _body, other) => [
      {
        method: op.method,
        path: op.path,
        status: 302,
        body: '',
        headers: { Location: `${other.url}${op.path}` },
        times: every,
      },
    ],
  },
  {
    name: 'Link to another host',
    listOnly: true,
    // The cursor is asked of the configured server, never of the Link's host; the fake's next page is the same list.
    expect: recovers,
    faults: (op, _body, other) => [
      {
        method: op.method,
        path: op.path,
        headers: { Link: `<${other.url}${op.path}?cursor=0:100:0>; rel="next"; results="true"; cursor="0:100:0"` },
      },
    ],
  },
];

/** What a failure message must also hold: what to do about it. */
const nextStep = /try again|refresh|sign in|check|create|update|set it|report/i;

interface Cell {
  readonly operation: string;
  readonly fault: string;
  readonly outcome: string;
  readonly ms: number;
}

/**
 * Short timeouts keep the hung cells short; `patience` multiplies them where a load must also succeed on a busy
 * machine (a good answer slower than 400 ms is no fault).
 */
function clientFor(fake: FakeSentry, warnings: string[] = [], patience = 1): SentryClient {
  return SentryClient.create({
    baseUrl: fake.url,
    token: DEFAULT_TOKEN,
    log: { ...silentLogger, warn: (message: string) => warnings.push(message) },
    backend: fake.flavour,
    retry: { baseDelayMs: 5, maxDelayMs: 20, maxRetries: 2 },
    timeoutMs: 400 * patience,
    connectTimeoutMs: 1_000 * patience,
    bodyTimeoutMs: 600 * patience,
    maxResponseBytes,
  });
}

/** The operation's normal answer, as the fake gives it, for the field mutations. */
async function normalAnswer(fake: FakeSentry, op: Operation): Promise<unknown> {
  const url = new URL(op.path, fake.url);
  if (op.name === 'list issues') url.searchParams.set('project', scenario.projects.web.id);
  const init: RequestInit = {
    method: op.method,
    headers: { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Content-Type': 'application/json' },
  };
  if (op.method === 'PUT') init.body = JSON.stringify({ status: 'resolved' });
  const response = await fetch(url, init);
  assert.equal(response.status, 200, `${op.name} answers normally`);
  return response.json();
}

describe('fault matrix', () => {
  const cells: Cell[] = [];
  let other: FakeSentry;

  before(async () => {
    other = await startFakeSentry({ data: defaultScenario() });
  });

  after(async () => {
    await other.close();
    printMatrix(cells);
  });

  for (const op of operations) {
    for (const fault of faultCases) {
      if (fault.listOnly && !op.list) continue;
      test(`${op.name} × ${fault.name}`, { timeout: 30_000 }, async () => {
        const fake = await startFakeSentry({ data: defaultScenario() });
        const warnings: string[] = [];
        const client = clientFor(fake, warnings);
        const expect = typeof fault.expect === 'function' ? fault.expect(op) : fault.expect;
        try {
          const body = await normalAnswer(fake, op);
          for (const queued of fault.faults(op, body, other)) fake.inject(queued);
          const otherRequestsBefore = other.requests.length;
          const started = performance.now();
          const answer = await op.run(client);
          const ms = performance.now() - started;
          const outcome = answer.ok
            ? warnings.length > 0
              ? `partial: ${warnings.join(' ')}`
              : 'ok'
            : `${answer.error.kind}: ${answer.error.message}`;
          cells.push({ operation: op.name, fault: fault.name, outcome, ms });
          assert.equal(
            other.requests.slice(otherRequestsBefore).filter((request) => request.hasAuthorization).length,
            0,
            'the token went to another host',
          );
          assert.equal(other.requests.length, otherRequestsBefore, 'a request went to another host');
          if (expect.ok) {
            assert.ok(
              answer.ok,
              answer.ok ? '' : `expected recovery, got ${answer.error.kind}: ${answer.error.message}`,
            );
            if (expect.warning) {
              assert.match(warnings.join('\n'), expect.warning);
              assert.match(warnings.join('\n'), nextStep);
            } else assert.deepEqual(warnings, []);
            return;
          }
          assert.ok(!answer.ok, `expected a failure naming ${expect.cause}`);
          assert.match(answer.error.message, expect.cause);
          assert.match(answer.error.message, nextStep, `no next step in: ${answer.error.message}`);
          assert.ok(!answer.error.message.includes(DEFAULT_TOKEN), 'the token is in the message');
        } finally {
          await client.close();
          await fake.close();
        }
      });
    }
  }
});

describe('the last good data survives a failed load', () => {
  let workspace: string;
  before(() => {
    workspace = writeWorkspace();
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  const listIssues = operations[0] as Operation;
  const expectation = (fault: FaultCase): Expectation =>
    typeof fault.expect === 'function' ? fault.expect(listIssues) : fault.expect;
  for (const fault of faultCases.filter((candidate) => !expectation(candidate).ok)) {
    test(`a folder session after a list that fails with ${fault.name}`, { timeout: 30_000 }, async () => {
      const fake = await startFakeSentry({ data: defaultScenario() });
      const client = clientFor(fake, [], 5);
      const op = listIssues;
      try {
        const session = new FolderSession(client, {
          org,
          project: scenario.projects.web.slug,
          folder: { name: 'ws', path: workspace },
          release: scenario.releases.v120,
          env: {},
          log: silentLogger,
        });
        const first = await session.load();
        assert.ok(first.ok, first.ok ? '' : first.error.message);
        assert.deepEqual(first.value.missing, [], 'the good load got every latest event');
        const body = await normalAnswer(fake, op);
        for (const queued of fault.faults(op, body, fake)) fake.inject(queued);
        const failed = await session.load();
        fake.clearFaults();
        const requestsBefore = fake.requests.length;
        const latestBefore = fake.requests.filter((request) => request.path.endsWith('/events/latest/')).length;
        const again = await session.load();
        if (fault.name === '429 asking for an hour') {
          // The server asked for an hour's pause: the next load honours it, failing at once without a request.
          assert.ok(!again.ok && again.error.kind === 'rateLimited' && /Try again in \d+ s/.test(again.error.message));
          assert.equal(fake.requests.length, requestsBefore);
          return;
        }
        assert.ok(again.ok, again.ok ? '' : again.error.message);
        // Nothing moved: the load after the failure starts from the last good one and asks no latest event again.
        assert.equal(fake.requests.filter((request) => request.path.endsWith('/events/latest/')).length, latestBefore);
        assert.deepEqual(
          again.value.issues.map((issue) => issue.id).sort(),
          first.value.issues.map((issue) => issue.id).sort(),
        );
        if (failed.ok) assert.equal(failed.value.issues.length, first.value.issues.length);
      } finally {
        await client.close();
        await fake.close();
      }
    });
  }
});

function printMatrix(cells: readonly Cell[]): void {
  const faults = [...new Set(cells.map((cell) => cell.fault))];
  const ops = [...new Set(cells.map((cell) => cell.operation))];
  const lines = [`| fault | ${ops.join(' | ')} |`, `|---|${ops.map(() => '---').join('|')}|`];
  for (const fault of faults) {
    const row = ops.map((operation) => {
      const cell = cells.find((candidate) => candidate.operation === operation && candidate.fault === fault);
      if (!cell) return '—';
      return `${cell.outcome.split(':')[0]} ${Math.round(cell.ms)} ms`;
    });
    lines.push(`| ${fault} | ${row.join(' | ')} |`);
  }
  const failures = cells.filter((cell) => cell.outcome !== 'ok');
  const messages = [...new Map(failures.map((cell) => [cell.outcome, cell])).values()]
    .slice(0, 40)
    .map((cell) => `  ${cell.fault} (${cell.operation}): ${cell.outcome}`);
  process.stdout.write(
    `\nfault matrix (outcome and time to it):\n${lines.join('\n')}\nmessages:\n${messages.join('\n')}\n`,
  );
}
