// Issues, events and tags as GlitchTip serializes them (IssueSchema, IssueEventDetailSchema, IssueTagSchema).
import { eventJson } from './eventJson';
import { issueTags, tagTotal, topValues } from './issueTags';
import { projectRefJson } from './issueJson';
import { asArray, asObject, isJsonObject, JsonObject, JsonValue } from './json';
import { FakeEvent, FakeIssue, FakeSentryData, FakeTag } from './model';

/** IssueSchema: no userCount (always 0), empty stats, no filtered, firstRelease, assignedTo, substatus or lifetime. */
export function glitchtipIssueJson(
  data: FakeSentryData,
  serverUrl: string,
  issue: FakeIssue,
  detail: boolean,
): JsonObject {
  const project = projectRefJson(data, issue.projectId);
  const json: JsonObject = {
    id: issue.id,
    count: String(issue.count),
    type: 'error',
    level: issue.level,
    status: issue.status,
    project,
    shortId: issue.shortId,
    numComments: 0,
    stats: { '24h': [] },
    shareId: null,
    logger: null,
    permalink: `${serverUrl}/${String(project['slug'])}/issues/${issue.id}`,
    statusDetails: {},
    subscriptionDetails: null,
    userCount: 0,
    matchingEventId: null,
    firstSeen: issue.firstSeen,
    lastSeen: issue.lastSeen,
    title: issue.title,
    metadata: issue.metadata,
    culprit: issue.culprit ?? '',
  };
  if (detail) json['userReportCount'] = 0;
  return json;
}

const eventKeys = [
  'id',
  'eventID',
  'groupID',
  'dateCreated',
  'dateReceived',
  'dist',
  'culprit',
  'packages',
  'type',
  'message',
  'metadata',
  'entries',
  'contexts',
  'context',
  'user',
  'sdk',
  'title',
  'userReport',
  'nextEventID',
  'previousEventID',
] as const;

/** IssueEventDetailSchema: Sentry's event minus `release` and `rawStacktrace`, int `projectID`, tags without `query`. */
export function glitchtipEventJson(data: FakeSentryData, org: string, issue: FakeIssue, event: FakeEvent): JsonObject {
  const sentry = eventJson(data, org, issue, event);
  const json: JsonObject = {};
  for (const key of eventKeys) json[key] = sentry[key] ?? null;
  json['projectID'] = Number(issue.projectId);
  json['tags'] = asArray(sentry['tags'], 'tags').map((tag) =>
    isJsonObject(tag) ? { key: tag['key'] ?? null, value: tag['value'] ?? null } : tag,
  );
  json['entries'] = asArray(sentry['entries'], 'entries').map(glitchtipEntry);
  return json;
}

// The frame keys a browser SDK sends, as GlitchTip stores them: only in_app, abs_path, colno and lineno are renamed
// (sentry-api-notes §7).
const glitchtipFrameKeys = [
  'filename',
  'absPath',
  'module',
  'function',
  'lineNo',
  'colNo',
  'inApp',
  'context',
] as const;

function glitchtipEntry(entry: JsonValue): JsonValue {
  if (!isJsonObject(entry) || entry['type'] !== 'exception') return entry;
  const values = asArray(asObject(entry['data'], 'exception data')['values'], 'values').map((value) => {
    const exception = asObject(value, 'exception');
    const frames = asArray(asObject(exception['stacktrace'], 'stacktrace')['frames'], 'frames').map((frame) => {
      const f = asObject(frame, 'frame');
      const kept: JsonObject = {};
      for (const key of glitchtipFrameKeys) kept[key] = f[key] ?? null;
      return kept;
    });
    return {
      type: exception['type'] ?? null,
      value: exception['value'] ?? null,
      module: exception['module'] ?? null,
      mechanism: exception['mechanism'] ?? null,
      stacktrace: { frames },
    };
  });
  const inApp = values.some((value) => value.stacktrace.frames.some((frame) => frame['inApp'] === true));
  return { type: 'exception', data: { values, hasSystemFrames: inApp, excOmitted: null } };
}

/** IssueTagSchema: topValues without firstSeen/lastSeen. */
export function glitchtipTagJson(tag: FakeTag): JsonObject {
  return {
    key: tag.key,
    name: tag.name,
    totalValues: tagTotal(tag),
    uniqueValues: tag.values.length,
    topValues: topValues(tag, 10).map((value) => ({
      key: tag.key,
      name: value.value,
      value: value.value,
      count: value.count,
    })),
  };
}

export function glitchtipTags(issue: FakeIssue, keys: string[]): JsonObject[] {
  return issueTags(issue)
    .filter((tag) => keys.length === 0 || keys.includes(tag.key))
    .map(glitchtipTagJson);
}
