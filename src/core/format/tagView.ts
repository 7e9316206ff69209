// An event's tags and device contexts (browser, os, device, runtime…) for the panel, and the issue's tag distributions,
// well-known keys first; values that identify a person are hidden unless the user data setting is on.
import { z } from 'zod';
import type { IssueEvent } from '../api/eventSchema';
import type { IssueTag } from '../api/issueSchema';
import { formatCount } from './counts';
import type { EnvironmentView, KeyValue, TagDistribution } from './issueViewModel';
import { pageText } from './pageText';
import { hiddenValue, isUserDataTag } from './userDataView';

const leadingTags = [
  'environment',
  'release',
  'level',
  'handled',
  'mechanism',
  'browser',
  'os',
  'os.name',
  'device',
  'runtime',
  'url',
  'transaction',
  'server_name',
];
const maxTags = 100;
const maxTopValues = 5;
const maxEnvironments = 20;

function tagOrder(key: string): number {
  const index = leadingTags.indexOf(key);
  return index === -1 ? leadingTags.length : index;
}

function byTagOrder(a: string, b: string): number {
  return tagOrder(a) - tagOrder(b) || a.localeCompare(b);
}

export function eventTags(event: IssueEvent, showUserData: boolean): KeyValue[] {
  return event.tags
    .map((tag) => ({
      key: pageText(tag.key, 200),
      value: isUserDataTag(tag.key) && !showUserData ? hiddenValue : pageText(tag.value ?? '', 1000),
    }))
    .sort((a, b) => byTagOrder(a.key, b.key))
    .slice(0, maxTags);
}

const contextField = z.union([z.string(), z.number()]).nullish().catch(undefined);
const contextSchema = z.looseObject({
  name: contextField,
  version: contextField,
  model: contextField,
  family: contextField,
  brand: contextField,
});
const deviceContexts = ['browser', 'os', 'device', 'runtime', 'app', 'gpu'];

function contextValue(context: z.infer<typeof contextSchema>, key: string): string {
  const name = key === 'device' ? (context.model ?? context.family ?? context.name ?? context.brand) : context.name;
  return [name, context.version].filter((part) => part !== undefined && part !== null && part !== '').join(' ');
}

/** "browser: Chrome 83.0.4103", "os: Windows 10": the contexts that say where the error happened. */
export function eventContexts(event: IssueEvent): KeyValue[] {
  const contexts = z
    .record(z.string(), z.unknown())
    .catch({})
    .parse((event as Record<string, unknown>).contexts ?? {});
  return deviceContexts.flatMap((key) => {
    const context = contextSchema.safeParse(contexts[key]);
    const value = context.success ? contextValue(context.data, key) : '';
    return value ? [{ key, value: pageText(value, 500) }] : [];
  });
}

/** The share of each top value among the issue's events, for the distributions the issue's tag endpoint sent. */
export function tagDistributions(tags: readonly IssueTag[], showUserData: boolean): TagDistribution[] {
  return [...tags]
    .sort((a, b) => byTagOrder(a.key, b.key))
    .map((tag) => {
      const total = tag.totalValues ?? tag.topValues.reduce((sum, value) => sum + value.count, 0);
      return {
        key: pageText(tag.key, 200),
        name: pageText(tag.name ?? tag.key, 200),
        values: tag.topValues.slice(0, maxTopValues).map((top) => ({
          value: isUserDataTag(tag.key) && !showUserData ? hiddenValue : pageText(top.name ?? top.value, 500),
          count: formatCount(top.count),
          percent: total > 0 ? Math.min(100, Math.round((top.count / total) * 100)) : 0,
        })),
      };
    });
}

/**
 * The environments the issue was seen in, with their event counts and shares: from its tag distribution (most events
 * first), else the latest event's environment alone, without a count.
 */
export function environmentsOf(tags: readonly IssueTag[], event: IssueEvent | undefined): EnvironmentView[] {
  const tag = tags.find((candidate) => candidate.key === 'environment');
  const values = (tag?.topValues ?? []).filter((value) => value.value !== '');
  if (tag && values.length > 0) {
    const total = tag.totalValues ?? values.reduce((sum, value) => sum + value.count, 0);
    return [...values]
      .sort((a, b) => b.count - a.count)
      .slice(0, maxEnvironments)
      .map((value) => ({
        name: pageText(value.name ?? value.value, 200),
        count: formatCount(value.count),
        percent: total > 0 ? Math.min(100, Math.round((value.count / total) * 100)) : 0,
      }));
  }
  const fromEvent = event?.tags.find((candidate) => candidate.key === 'environment')?.value;
  return fromEvent ? [{ name: pageText(fromEvent, 200) }] : [];
}
