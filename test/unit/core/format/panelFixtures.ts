// Real Sentry payloads (test/fixtures/sentry-api) parsed as the API client does, and variations of them for panel tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventSchema, type IssueEvent } from '../../../../src/core/api/eventSchema';
import { issueSchema, issueTagSchema, type Issue, type IssueTag } from '../../../../src/core/api/issueSchema';
import { sentryApiFixturesDir } from '../../../support/fakeSentry/repoRoot';

export function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(sentryApiFixturesDir(), name), 'utf8')) as Record<string, unknown>;
}

export const eventFixtures = {
  javascript: 'sentry-openapi.issue-event-javascript.json',
  cloudflare: 'sentry-mcp.event-javascript-cloudflare.json',
  python: 'oss-sentry-22.event-api.python_zero_division.json',
  jsWithContext: 'oss-sentry-22.event-api.js_error_with_context.json',
  smallJs: 'oss-sentry-22.event-api.small_js_error_source.json',
} as const;

export function fixtureEvent(
  name: keyof typeof eventFixtures,
  change: (raw: Record<string, unknown>) => Record<string, unknown> = (raw) => raw,
): IssueEvent {
  return eventSchema.parse(change(fixtureJson(eventFixtures[name])));
}

export function fixtureIssue(change: Partial<Record<string, unknown>> = {}): Issue {
  return issueSchema.parse({ ...fixtureJson('sentry-mcp.issue-details.json'), ...change });
}

export function fixtureTags(): IssueTag[] {
  return [
    issueTagSchema.parse(fixtureJson('sentry-mcp.issue-tag-details.json')),
    issueTagSchema.parse({
      key: 'environment',
      name: 'Environment',
      totalValues: 25,
      topValues: [
        { value: 'production', count: 20 },
        { value: 'staging', count: 5 },
      ],
    }),
  ];
}

/** Replaces the data of the event's first entry of a type (the raw JSON is edited before parsing). */
export function withEntry(raw: Record<string, unknown>, type: string, data: unknown): Record<string, unknown> {
  const entries = (raw.entries as Array<{ type: string; data: unknown }>).filter((entry) => entry.type !== type);
  return { ...raw, entries: [...entries, { type, data }] };
}

export function entryData(raw: Record<string, unknown>, type: string): Record<string, unknown> {
  const entry = (raw.entries as Array<{ type: string; data: Record<string, unknown> }>).find(
    (candidate) => candidate.type === type,
  );
  if (!entry) throw new Error(`fixture has no ${type} entry`);
  return entry.data;
}

export const fixedNow = Date.parse('2025-04-13T12:00:00Z');
