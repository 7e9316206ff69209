// Issues, events and snapshots for the editor model tests, built on Sentry's published example payloads so the
// shapes are real; each test overrides only the fields it is about.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventSchema, type IssueEvent } from '../../../../src/core/api/eventSchema';
import { issueSchema, type Issue } from '../../../../src/core/api/issueSchema';
import { releaseSchema, type Release } from '../../../../src/core/api/directorySchemas';
import type { LineHit } from '../../../../src/core/index/issueIndex';
import { snapshotVersion, type IssueSnapshot } from '../../../../src/core/state/snapshot';
import { sentryApiFixturesDir } from '../../../support/fakeSentry/repoRoot';

const examples = sentryApiFixturesDir();

function example(name: string): unknown {
  return JSON.parse(readFileSync(join(examples, name), 'utf8'));
}

const [exampleIssue] = example('sentry-openapi.issue-list.json') as Record<string, unknown>[];
const [exampleRelease] = example('sentry-openapi.release-list.json') as Record<string, unknown>[];
const exampleEvent = example('sentry-openapi.issue-event-javascript.json') as Record<string, unknown>;

export function issue(overrides: Record<string, unknown>): Issue {
  return issueSchema.parse({
    ...exampleIssue,
    status: 'unresolved',
    substatus: 'ongoing',
    filtered: null,
    ...overrides,
  });
}

export function release(overrides: Record<string, unknown>): Release {
  return releaseSchema.parse({ ...exampleRelease, ...overrides });
}

export function eventWithEnvironment(id: string, environment: string): IssueEvent {
  return eventSchema.parse({
    ...exampleEvent,
    id,
    tags: [
      { key: 'environment', value: environment },
      { key: 'level', value: 'error' },
    ],
  });
}

export function hit(overrides: Partial<LineHit>): LineHit {
  return {
    issueId: '1',
    shortId: 'SHOP-1',
    title: 'TypeError',
    level: 'error',
    role: 'raised',
    count: 1,
    userCount: 1,
    folder: '/ws',
    file: 'src/cart.ts',
    line: 1,
    moved: false,
    stale: false,
    ...overrides,
  };
}

export function snapshot(overrides: Partial<IssueSnapshot>): IssueSnapshot {
  return {
    version: snapshotVersion,
    connection: { url: 'https://sentry.io', org: 'acme', project: 'shop' },
    folderPath: '/ws',
    backend: 'sentry',
    projectId: '2',
    release: { version: 'shop@1.2.3', source: 'git' },
    environments: [],
    issues: [],
    events: {},
    hits: [],
    unresolvedFrames: 0,
    warnings: [],
    loadedAt: '2026-01-10T10:00:00Z',
    ...overrides,
  };
}
