// Events as Sentry serializes them, laid over the real JS event example: entries, frames (in the local server's frame
// form), tags, release, neighbours.
import { apiFrame } from '../../../src/core/local/process/apiFrame';
import { crashFrame, thrownException } from './eventBuilder';
import { templates } from './examples';
import { asArray, asObject, isJsonObject, JsonObject, JsonValue } from './json';
import { FakeEvent, FakeException, FakeFrame, FakeIssue, FakeSentryData } from './model';
import { findRelease, shortVersion, versionInfo } from './releaseJson';

/** The local server's Web API frame (src/core/local/process/apiFrame.ts) with the fake frame's fields. */
export function frameJson(frame: FakeFrame): JsonObject {
  return apiFrame(frame) as unknown as JsonObject;
}

function stacktraceJson(frames: FakeFrame[]): JsonObject {
  return {
    frames: frames.map(frameJson),
    framesOmitted: null,
    registers: null,
    hasSystemFrames: frames.some((f) => !f.inApp),
  };
}

function exceptionValueJson(exception: FakeException, template: JsonObject): JsonObject {
  return Object.assign(structuredClone(template), {
    type: exception.type,
    value: exception.value,
    module: exception.module,
    mechanism: { type: exception.mechanism.type, handled: exception.mechanism.handled },
    threadId: null,
    stacktrace: stacktraceJson(exception.frames),
    rawStacktrace: exception.rawFrames ? stacktraceJson(exception.rawFrames) : null,
  });
}

function entriesJson(event: FakeEvent, templateEntries: JsonValue[]): JsonValue[] {
  return templateEntries.map((entry) => {
    if (!isJsonObject(entry) || entry['type'] !== 'exception') return entry;
    const data = asObject(entry['data'], 'exception entry data');
    const template = asObject(asArray(data['values'], 'exception values')[0], 'exception value');
    const frames = event.exceptions.flatMap((exception) => exception.frames);
    return {
      ...entry,
      data: {
        ...data,
        values: event.exceptions.map((exception) => exceptionValueJson(exception, template)),
        hasSystemFrames: frames.some((f) => !f.inApp),
      },
    };
  });
}

// Sentry lists tags sorted by key; environment and release come from the event, the rest from the example.
function tagsJson(event: FakeEvent, issue: FakeIssue, templateTags: JsonValue[]): JsonValue[] {
  const own = new Map<string, string>([
    ['environment', event.environment],
    ['handled', thrownException(event)?.mechanism.handled ? 'yes' : 'no'],
    ['level', issue.level],
    ['mechanism', thrownException(event)?.mechanism.type ?? 'generic'],
  ]);
  if (event.release !== null) own.set('release', event.release);
  // The example's browser tags only make sense on browser events.
  const fromExample = event.platform === 'javascript' ? templateTags : [];
  const kept = fromExample.filter(
    (tag) => isJsonObject(tag) && typeof tag['key'] === 'string' && !own.has(tag['key']) && tag['key'] !== 'release',
  );
  const tags = [...kept, ...[...own].map(([key, value]) => ({ key, value }))];
  return tags.sort((a, b) => tagKey(a).localeCompare(tagKey(b)));
}

function tagKey(tag: JsonValue): string {
  return isJsonObject(tag) && typeof tag['key'] === 'string' ? tag['key'] : '';
}

function eventReleaseJson(
  data: FakeSentryData,
  org: string,
  version: string | null,
  template: JsonValue | undefined,
): JsonValue {
  if (version === null) return null;
  const release = findRelease(data, org, version);
  return Object.assign(isJsonObject(template) ? structuredClone(template) : {}, {
    ...(release ? { id: release.id, status: 'open' } : {}),
    versionInfo: versionInfo(version),
    version,
    shortVersion: shortVersion(version),
    dateCreated: release?.dateCreated ?? data.now,
    dateReleased: release?.dateReleased ?? null,
    url: null,
    ref: null,
    commitCount: 0,
    lastCommit: null,
    deployCount: 0,
    lastDeploy: null,
  });
}

export function eventsOldestFirst(issue: FakeIssue): FakeEvent[] {
  return [...issue.events].sort((a, b) => Date.parse(a.dateCreated) - Date.parse(b.dateCreated));
}

function eventSummary(event: FakeEvent): JsonObject {
  const thrown = thrownException(event);
  const crash = crashFrame(event);
  return {
    title: thrown ? (thrown.value ? `${thrown.type}: ${thrown.value}` : thrown.type) : '<unlabeled event>',
    location: crash?.filename ?? null,
    metadata: {
      type: thrown?.type ?? 'Error',
      value: thrown?.value ?? '',
      filename: crash?.filename ?? null,
      function: crash?.function ?? null,
    },
  };
}

export function eventJson(data: FakeSentryData, org: string, issue: FakeIssue, event: FakeEvent): JsonObject {
  const json = templates.event();
  const ordered = eventsOldestFirst(issue);
  const index = ordered.indexOf(event);
  Object.assign(json, eventSummary(event), {
    id: event.eventID,
    eventID: event.eventID,
    groupID: issue.id,
    projectID: issue.projectId,
    dateCreated: event.dateCreated,
    dateReceived: event.dateCreated,
    platform: event.platform,
    message: '',
    culprit: issue.culprit,
    errors: [],
    tags: tagsJson(event, issue, asArray(json['tags'], 'event tags')),
    entries: entriesJson(event, asArray(json['entries'], 'event entries')),
    release: eventReleaseJson(data, org, event.release, json['release']),
    previousEventID: ordered[index - 1]?.eventID ?? null,
    nextEventID: ordered[index + 1]?.eventID ?? null,
  });
  return Object.assign(json, event.extraFields);
}

/** An item of `GET .../issues/{id}/events/` (without `full=true`). */
export function eventListItemJson(issue: FakeIssue, event: FakeEvent): JsonObject {
  const json = templates.eventListItem();
  Object.assign(json, eventSummary(event), {
    id: event.eventID,
    eventID: event.eventID,
    groupID: issue.id,
    projectID: issue.projectId,
    dateCreated: event.dateCreated,
    platform: event.platform,
    message: '',
    culprit: issue.culprit,
    tags: tagsJson(event, issue, asArray(json['tags'], 'event list tags')),
  });
  return json;
}
