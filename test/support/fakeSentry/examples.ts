// The real example payloads in test/fixtures/sentry-api, loaded once and handed out as fresh copies to build answers from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asArray, asObject, cloneJson, JsonObject, JsonValue } from './json';
import { sentryApiFixturesDir } from './repoRoot';

export type ExampleName =
  | 'sentry-openapi.issue-list.json'
  | 'sentry-openapi.issue-details.json'
  | 'sentry-openapi.issue-event-javascript.json'
  | 'sentry-openapi.issue-events-list.json'
  | 'sentry-openapi.issue-tag-details.json'
  | 'sentry-openapi.release-list.json'
  | 'sentry-openapi.organization-list.json'
  | 'sentry-openapi.project-list.json'
  | 'sentry-mcp.event-javascript-cloudflare.json'
  | 'sentry-mcp.issue-details.json'
  | 'sentry-mcp.issue-tag-details.json'
  | 'sentry-mcp.release.json'
  | 'oss-sentry-22.event-api.js_error_with_context.json'
  | 'oss-sentry-22.event-api.python_zero_division.json'
  | 'oss-sentry-22.event-api.small_js_error_source.json'
  | 'openapi-subset.json';

// Fixtures never change during a run; parsing the 650 kB schema once per process keeps tests fast.
const loaded = new Map<ExampleName, JsonValue>();

/** A fresh deep copy of one fixture file. */
export function loadExample(name: ExampleName): JsonValue {
  return cloneJson(sharedExample(name));
}

// The cached parse: callers must copy before changing anything.
function sharedExample(name: ExampleName): JsonValue {
  let value = loaded.get(name);
  if (value === undefined) {
    value = JSON.parse(readFileSync(join(sentryApiFixturesDir(), name), 'utf8')) as JsonValue;
    loaded.set(name, value);
  }
  return value;
}

function firstItem(name: ExampleName): JsonObject {
  return asObject(asArray(loadExample(name), name)[0], name);
}

export const templates = {
  issueListItem: (): JsonObject => firstItem('sentry-openapi.issue-list.json'),
  issueDetail: (): JsonObject => asObject(loadExample('sentry-openapi.issue-details.json'), 'issue details'),
  event: (): JsonObject => asObject(loadExample('sentry-openapi.issue-event-javascript.json'), 'event'),
  eventListItem: (): JsonObject => firstItem('sentry-openapi.issue-events-list.json'),
  tagDetail: (): JsonObject => asObject(loadExample('sentry-openapi.issue-tag-details.json'), 'tag details'),
  release: (): JsonObject => firstItem('sentry-openapi.release-list.json'),
  organization: (): JsonObject => firstItem('sentry-openapi.organization-list.json'),
  project: (): JsonObject => firstItem('sentry-openapi.project-list.json'),
  /** Members and environments have no example file: their examples sit inside the schema. */
  member: (): JsonObject =>
    asObject(asArray(schemaExample('/api/0/organizations/{organization_id_or_slug}/members/'), 'members')[0], 'member'),
};

/** The first named 200 example of a GET path in openapi-subset.json. */
export function schemaExample(path: string): JsonValue {
  const content = asObject(responseContent(path), `${path} content`);
  const examples = asObject(content['examples'], `${path} examples`);
  const first = Object.values(examples)[0];
  return cloneJson(asObject(first, `${path} first example`)['value'] ?? null);
}

function responseContent(path: string): JsonValue | undefined {
  const schema = asObject(sharedExample('openapi-subset.json'), 'schema');
  const operation = asObject(asObject(asObject(schema['paths'], 'paths')[path], path)['get'], `${path} get`);
  const ok = asObject(asObject(operation['responses'], 'responses')['200'], '200');
  return asObject(ok['content'], 'content')['application/json'];
}
