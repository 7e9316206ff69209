// Proves the response schemas accept what real Sentry and GlitchTip send (the published examples) and read the fields
// the product needs from them, with counts as numbers and unknown fields let through.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { organizationSchema, projectSchema, releaseSchema } from '../../../../src/core/api/directorySchemas';
import { eventSchema, stackOfEvent, tagOf } from '../../../../src/core/api/eventSchema';
import { issueListSchema, issueSchema, issueTagSchema } from '../../../../src/core/api/issueSchema';
import { sentryApiFixturesDir } from '../../../support/fakeSentry/repoRoot';

function example(name: string): unknown {
  return JSON.parse(readFileSync(join(sentryApiFixturesDir(), name), 'utf8'));
}

describe('issue schema', () => {
  test('reads the issue list example with count as a number', () => {
    const issues = issueListSchema.parse(example('sentry-openapi.issue-list.json'));
    assert.ok(issues.length > 0);
    for (const issue of issues) {
      assert.equal(typeof issue.count, 'number');
      assert.equal(typeof issue.userCount, 'number');
      assert.ok(issue.shortId.length > 0);
    }
  });

  test('reads the recorded sentry.io issue detail, keeping unknown fields', () => {
    const issue = issueSchema.parse(example('sentry-mcp.issue-details.json'));
    assert.equal(issue.id, '6507376925');
    assert.equal(issue.shortId, 'CLOUDFLARE-MCP-41');
    assert.equal(issue.count, 25);
    assert.equal(issue.userCount, 1);
    assert.equal(issue.project.id, '4509062593708032');
    assert.equal(issue.firstRelease, undefined);
    assert.equal((issue as Record<string, unknown>).issueCategory, 'error');
  });

  test('reads the OpenAPI issue detail example', () => {
    const issue = issueSchema.parse(example('sentry-openapi.issue-details.json'));
    assert.equal(typeof issue.count, 'number');
  });

  test('uses the release-scoped `filtered` counts when present', () => {
    const base = example('sentry-mcp.issue-details.json') as Record<string, unknown>;
    const issue = issueSchema.parse({
      ...base,
      filtered: { count: '7', userCount: 3, firstSeen: null, lastSeen: null, stats: {} },
    });
    assert.deepEqual([issue.filtered?.count, issue.filtered?.userCount], [7, 3]);
  });

  test('reads stats buckets [timestamp, count] and rejects a bucket that is not two numbers', () => {
    const base = example('sentry-mcp.issue-details.json') as Record<string, unknown>;
    const stats = {
      '24h': [
        [1717200000, 3],
        [1717203600, 0, 'extra'],
      ],
    };
    assert.deepEqual(issueSchema.parse({ ...base, stats }).stats, stats);
    for (const bad of [{ '24h': [[1717200000, '3']] }, { '24h': [[1717200000]] }, { '24h': 'none' }, [[1, 2]]]) {
      const broken = issueSchema.safeParse({ ...base, stats: bad });
      assert.equal(broken.success, false, JSON.stringify(bad));
      assert.deepEqual(broken.error?.issues[0]?.path, ['stats']);
    }
  });

  test('says which field broke when a required one is missing or of the wrong type', () => {
    const base = example('sentry-mcp.issue-details.json') as Record<string, unknown>;
    const broken = issueSchema.safeParse({ ...base, count: 'many' });
    assert.equal(broken.success, false);
    assert.deepEqual(broken.error?.issues[0]?.path, ['count']);
    assert.equal(issueSchema.safeParse({ ...base, shortId: undefined }).success, false);
  });

  test('accepts a GlitchTip-shaped issue (no userCount, numeric-looking ids)', () => {
    const issue = issueSchema.parse({
      id: 12,
      shortId: 'WEB-C',
      title: 'x',
      status: 'unresolved',
      count: '3',
      project: { id: 1, slug: 'web' },
      level: null,
    });
    assert.deepEqual([issue.id, issue.project.id, issue.userCount, issue.level], ['12', '1', 0, 'error']);
  });
});

describe('event schema', () => {
  test('extracts the Python frames with context lines, caller to callee', () => {
    const event = eventSchema.parse(example('oss-sentry-22.event-api.python_zero_division.json'));
    const stack = stackOfEvent(event);
    assert.equal(stack.exceptions.length, 1);
    const frames = stack.exceptions[0]?.stacktrace?.frames ?? [];
    const last = frames.at(-1);
    assert.equal(last?.filename, 'errors/views.py');
    assert.equal(last?.module, 'errors.views');
    assert.equal(last?.lineNo, 18);
    assert.deepEqual(
      last?.context?.find(([line]) => line === 18),
      [18, '        0/0'],
    );
  });

  test('reads the recorded JavaScript event, its exception type and tags', () => {
    const event = eventSchema.parse(example('sentry-mcp.event-javascript-cloudflare.json'));
    const stack = stackOfEvent(event);
    const thrown = stack.exceptions.at(-1);
    assert.equal(thrown?.type, 'Error');
    assert.ok((thrown?.stacktrace?.frames.length ?? 0) > 0);
    assert.equal(thrown?.stacktrace?.frames.at(-1)?.filename, 'index.js');
    assert.equal(tagOf(event, 'environment'), 'development');
  });

  test('reads every example event without error', () => {
    for (const name of [
      'sentry-openapi.issue-event-javascript.json',
      'oss-sentry-22.event-api.small_js_error_source.json',
      'oss-sentry-22.event-api.js_error_with_context.json',
    ]) {
      const event = eventSchema.parse(example(name));
      assert.ok(stackOfEvent(event).exceptions.length > 0, name);
    }
  });

  test('one malformed frame field does not hide the rest of the stack trace', () => {
    const event = eventSchema.parse({
      id: 'e1',
      entries: [
        {
          type: 'exception',
          data: {
            values: [
              {
                type: 'E',
                stacktrace: {
                  frames: [
                    { filename: 'a.ts', lineNo: 'twelve', context: 'nope' },
                    { filename: 'b.ts', lineNo: 3 },
                  ],
                },
              },
            ],
          },
        },
      ],
    });
    const frames = stackOfEvent(event).exceptions[0]?.stacktrace?.frames ?? [];
    assert.deepEqual(
      frames.map((frame) => [frame.filename, frame.lineNo]),
      [
        ['a.ts', undefined],
        ['b.ts', 3],
      ],
    );
  });

  test('reads snake_case frames (GlitchTip leftovers, ingest format) and debug images', () => {
    const event = eventSchema.parse({
      id: 'e2',
      entries: [
        {
          type: 'exception',
          data: {
            values: [
              {
                stacktrace: {
                  frames: [{ abs_path: 'app:///dist/a.js', lineno: 1, colno: 99, in_app: true, context_line: 'x()' }],
                },
              },
            ],
          },
        },
        {
          type: 'debugmeta',
          data: {
            images: [
              { type: 'sourcemap', code_file: 'app:///dist/a.js', debug_id: '6f1d2c8e-0000-4000-8000-000000000001' },
            ],
          },
        },
      ],
    });
    const stack = stackOfEvent(event);
    assert.deepEqual(stack.exceptions[0]?.stacktrace?.frames[0], {
      filename: undefined,
      absPath: 'app:///dist/a.js',
      module: undefined,
      function: undefined,
      lineNo: 1,
      colNo: 99,
      inApp: true,
      platform: undefined,
      context: [[1, 'x()']],
    });
    assert.deepEqual(stack.debugImages, [
      { codeFile: 'app:///dist/a.js', debugId: '6f1d2c8e-0000-4000-8000-000000000001' },
    ]);
  });

  test('uses the crashed thread when there is no exception', () => {
    const event = eventSchema.parse({
      id: 'e3',
      entries: [
        {
          type: 'threads',
          data: {
            values: [
              { crashed: false, stacktrace: { frames: [{ filename: 'x' }] } },
              { crashed: true, stacktrace: { frames: [{ filename: 'y' }] } },
            ],
          },
        },
      ],
    });
    assert.equal(stackOfEvent(event).looseFrames[0]?.filename, 'y');
  });
});

describe('directory schemas', () => {
  test('reads organizations with their region URL, projects, releases and tag details', () => {
    const [org] = organizationSchema.array().parse(example('sentry-openapi.organization-list.json'));
    assert.equal(org?.links?.regionUrl, 'https://us.sentry.io');
    assert.ok(projectSchema.array().parse(example('sentry-openapi.project-list.json')).length > 0);
    assert.ok(releaseSchema.array().parse(example('sentry-openapi.release-list.json'))[0]?.version);
    assert.equal(releaseSchema.parse(example('sentry-mcp.release.json')).version.length > 0, true);
    const tag = issueTagSchema.parse(example('sentry-mcp.issue-tag-details.json'));
    assert.equal(tag.topValues[0]?.count, 45);
  });
});
