// The event's tags: the SDK's own plus those Sentry derives (level, environment, release, handled, mechanism, user,
// runtime, browser, os, device, url…), as `[key, value]` pairs sorted by key.
import type { IngestEvent, IngestException } from './ingestEventSchema';

const MAX_KEY = 200;
const MAX_VALUE = 200;
const MAX_TAGS = 100;

export interface TagInputs {
  readonly event: IngestEvent;
  readonly level: string;
  readonly thrown: IngestException | undefined;
  readonly userKey: string | undefined;
}

export function eventTagsOf({ event, level, thrown, userKey }: TagInputs): Array<[string, string]> {
  const tags = new Map<string, string>();
  for (const [key, value] of sdkTags(event.tags)) if (tags.size < MAX_TAGS) tags.set(key, value);
  const derived: Array<[string, string | undefined]> = [
    ['level', level],
    ['environment', event.environment],
    ['release', event.release],
    ['dist', event.dist],
    ['server_name', event.server_name],
    ['transaction', event.transaction],
    ['user', userKey],
    ['url', urlOf(event.request)],
    ...mechanismTags(thrown),
    ...contextTags(event.contexts, 'runtime'),
    ...contextTags(event.contexts, 'browser'),
    ...contextTags(event.contexts, 'os'),
    ['device', textAt(event.contexts, 'device', 'model')],
    ['device.family', textAt(event.contexts, 'device', 'family')],
  ];
  for (const [key, value] of derived) if (value !== undefined && value !== '') tags.set(key, clip(value, MAX_VALUE));
  return [...tags.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function sdkTags(raw: IngestEvent['tags']): Array<[string, string]> {
  if (raw === undefined) return [];
  const entries = Array.isArray(raw) ? raw.map((pair) => [pair[0], pair[1]] as const) : Object.entries(raw);
  const tags: Array<[string, string]> = [];
  for (const [key, value] of entries) {
    const text = tagValue(value);
    if (typeof key === 'string' && key.trim() !== '' && key.length <= MAX_KEY && text !== undefined)
      tags.push([key.trim(), clip(text, MAX_VALUE)]);
  }
  return tags;
}

/** Sentry writes booleans as Python does (`True`). */
function tagValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function mechanismTags(thrown: IngestException | undefined): Array<[string, string | undefined]> {
  const mechanism = thrown?.mechanism;
  if (mechanism === undefined) return [];
  const handled = mechanism['handled'];
  const type = mechanism['type'];
  return [
    ['handled', typeof handled === 'boolean' ? (handled ? 'yes' : 'no') : undefined],
    ['mechanism', typeof type === 'string' ? type : undefined],
  ];
}

function contextTags(contexts: Record<string, unknown> | undefined, name: string): Array<[string, string | undefined]> {
  const label = textAt(contexts, name, 'name');
  if (label === undefined) return [];
  const version = textAt(contexts, name, 'version');
  // Sentry formats `{name} {version}` and leaves the tag out when either is missing.
  return [
    [`${name}.name`, label],
    [name, version === undefined ? undefined : `${label} ${version}`],
  ];
}

function textAt(object: Record<string, unknown> | undefined, key: string, field: string): string | undefined {
  const inner = object?.[key];
  if (typeof inner !== 'object' || inner === null) return undefined;
  const value = (inner as Record<string, unknown>)[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function urlOf(request: Record<string, unknown> | undefined): string | undefined {
  const url = request?.['url'];
  return typeof url === 'string' ? url : undefined;
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}
