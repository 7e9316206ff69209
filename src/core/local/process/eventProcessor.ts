// Turns an SDK event payload into a processed event: frames symbolicated against the workspace, in-app decided, grouped,
// titled, tagged, and converted to the Web API's form.
import { randomUUID } from 'node:crypto';
import type { DebugImage } from '../../resolve/debugImages';
import { err, ok, type Result } from '../../result';
import { malformed, type IngestRejection } from '../envelope/ingestRejection';
import { groupingHashOf } from '../grouping/groupingHash';
import type { GroupingException, GroupingInput } from '../grouping/groupingInput';
import { apiEntriesOf, fillStackSlots, type ProcessedException } from './apiEventEntries';
import { apiFrameOf, type ApiFrame } from './apiFrame';
import { eventTagsOf } from './eventTags';
import { withUserAgentContexts } from './userAgentContexts';
import { headlineOf, type EventHeadline } from './eventTitle';
import { scrubEventBody, scrubTagPairs, type EventScrubOptions } from '../../privacy/scrubEvent';
import { scrubText, type ScrubbingSettings } from '../../privacy/sensitiveData';
import { trimEventBody, trimText } from './eventTrimming';
import { eventUserOf } from './eventUser';
import { symbolicateStack, type WorkspaceLine } from './frameSymbolicator';
import { boundedJson, boundedObject } from './freeFormJson';
import { inAppOf } from './inAppRules';
import { ingestEventOf } from './ingestEvent';
import type { IngestEvent, IngestStacktrace } from './ingestEventSchema';
import type { ProcessedEvent } from './processedEvent';
import type { PreparedStacks, ProcessedStack, StoredStack } from './preparedStacks';
import { StackSlots } from './stackSlots';
import { MAX_EXCEPTIONS, maxChars } from './trimLimits';
import type { WorkspaceSnapshot } from './workspaceSources';

export interface ProcessingContext {
  readonly receivedAt: number;
  /** The sender's address, for `ip_address: "{{auto}}"`. */
  readonly clientIp?: string;
  /** The workspace to symbolicate against; without one, frames stay as sent. */
  readonly workspace?: WorkspaceSnapshot;
  /** How the event is scrubbed before it is stored; scrubbing is on unless `enabled` is false. */
  readonly scrubbing?: ScrubbingSettings;
  /** Stacks kept ready to store, for the next events with the same stack; without it, every stack is processed. */
  readonly stacks?: PreparedStacks;
}

const LEVELS = new Set(['fatal', 'error', 'warning', 'info', 'debug']);
/** Relay accepts timestamps up to a minute ahead of its clock; later ones are replaced by the receive time. */
const MAX_CLOCK_DRIFT_MS = 60_000;

export async function processEvent(
  payload: unknown,
  context: ProcessingContext,
): Promise<Result<ProcessedEvent, IngestRejection>> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return err(malformed('the event is not a JSON object'));
  const parsed = ingestEventOf(payload);
  if (parsed === undefined) return err(malformed('the event does not have the shape of a Sentry event'));
  // Relay fills browser, OS and device from the User-Agent before anything reads the contexts.
  const event = { ...parsed, contexts: withUserAgentContexts(parsed.contexts, parsed.request) };
  const platform = event.platform ?? 'other';
  const level =
    event.level !== undefined && LEVELS.has(event.level) ? event.level : event.level === 'warn' ? 'warning' : 'error';
  const debugImages = debugImagesOf(event);
  const scrubbing = context.scrubbing ?? {};
  const scrubs = scrubbing.enabled !== false;
  // Without the IP rule's consent the client's address is never read, so no count or tag can keep it either.
  const keepIp = !scrubs || scrubbing.keepIpAddresses === true;
  const scrub = scrubs ? { ...scrubbing, keepIpAddresses: keepIp } : undefined;
  const stacks: StackInputs = { platform, debugImages, workspace: context.workspace, prepared: context.stacks, scrub };

  const exceptions = await Promise.all(
    (event.exception ?? [])
      .slice(-MAX_EXCEPTIONS)
      .map(async (raw) => ({ raw, ...(await processStack(raw.stacktrace, stacks)) })),
  );
  const looseSource = event.stacktrace ?? crashedThreadStack(event);
  const loose =
    looseSource === undefined || exceptions.length > 0 ? undefined : await processStack(looseSource, stacks);
  const message = messageOf(event);
  const input: GroupingInput = {
    platform,
    exceptions: exceptions.map((exception): GroupingException => ({
      type: exception.raw.type,
      value: exception.raw.value,
      frames: exception.frames ?? [],
      synthetic: exception.raw.mechanism?.['synthetic'] === true,
    })),
    looseFrames: loose?.frames ?? [],
    message,
    transaction: event.transaction,
    level,
  };
  const headline = scrubHeadline(headlineOf(input), context.scrubbing);
  const user = eventUserOf(keepIp ? event.user : withoutIp(event.user), keepIp ? context.clientIp : undefined);
  const thrown = event.exception?.[event.exception.length - 1];
  const tags = scrubTags(eventTagsOf({ event, level, thrown, userKey: user.key }), context.scrubbing);
  const eventId = eventIdOf(event.event_id);
  const timestamp = timestampOf(event.timestamp, context.receivedAt);
  const hash = groupingHashOf(input, event.fingerprint);
  const processedExceptions: ProcessedException[] = exceptions.map(({ raw, frames, rawFrames, stored }) => ({
    raw,
    frames,
    rawFrames,
    stored,
  }));
  const bodyWith = (slots: StackSlots | undefined): Record<string, unknown> => ({
    id: eventId,
    eventID: eventId,
    title: headline.title,
    message: message ?? headline.title,
    culprit: headline.culprit,
    location: headline.location,
    platform,
    type: headline.type,
    dateCreated: new Date(timestamp).toISOString(),
    dateReceived: new Date(context.receivedAt).toISOString(),
    dist: event.dist ?? null,
    tags: tags.map(([key, value]) => ({ key, value })),
    user: user.json,
    contexts: boundedObject(event.contexts) ?? {},
    context: boundedObject(event.extra) ?? {},
    sdk: boundedObject(event.sdk),
    packages: boundedObject(event.modules) ?? {},
    metadata: headline.metadata,
    entries: apiEntriesOf({
      event,
      exceptions: processedExceptions,
      looseFrames: loose?.frames ?? null,
      message,
      slots,
    }),
    errors: [],
    fingerprints: [hash],
    groupingConfig: { id: 'sentry-insight-local:1', enhancements: '' },
    crashFile: null,
    userReport: null,
    sdkUpdates: [],
    resolvedWith: [],
    occurrence: null,
    _meta: {},
    size: 0,
  });
  const { stored, bodyJson } = storedBodyOf(bodyWith, scrub);
  return ok({
    eventId,
    timestamp,
    receivedAt: context.receivedAt,
    hash,
    level,
    platform,
    release: event.release === undefined ? undefined : trimText(event.release, maxChars.tagValue).text,
    environment: event.environment === undefined ? undefined : trimText(event.environment, maxChars.environment).text,
    userKey: user.key,
    tags,
    title: headline.title,
    culprit: headline.culprit,
    type: headline.type,
    metadata: headline.metadata,
    isUnhandled: thrown?.mechanism?.['handled'] === false,
    body: stored,
    bodyJson,
    raisedAt: raisedAt(exceptions, loose),
  });
}

/**
 * The body trimmed and scrubbed, with its JSON text. Stacks kept ready (PreparedStacks) go in as placeholders, so that
 * neither the walk nor the serialization goes through their frames again; should a placeholder not come out of the
 * walk as it went in (a sensitive-key setting that names one of its keys), the body is made again with its stacks.
 */
function storedBodyOf(
  bodyWith: (slots: StackSlots | undefined) => Record<string, unknown>,
  scrub: EventScrubOptions | undefined,
): { stored: Record<string, unknown>; bodyJson: string } {
  const slots = new StackSlots();
  const stored = trimEventBody(bodyWith(slots), scrub);
  const bodyJson = serializeWithSize(stored, slots);
  if (bodyJson !== undefined) return { stored, bodyJson };
  const full = trimEventBody(bodyWith(undefined), scrub);
  return { stored: full, bodyJson: serializeWithSize(full, new StackSlots()) ?? JSON.stringify(full) };
}

/**
 * The body's JSON text, its `size` set to the length of its JSON with a size of 0 (what Sentry's `size` is near
 * enough: the stored event's length), and its slots filled in the text and the body. Serialized once: `size` is the
 * body's last field, written into the text's end. Undefined when a slot is not where it was put.
 */
function serializeWithSize(body: Record<string, unknown>, slots: StackSlots): string | undefined {
  body['size'] = 0;
  const serialized = JSON.stringify(body);
  const text = slots.size === 0 ? serialized : slots.fillText(serialized);
  if (text === undefined || (slots.size > 0 && !fillStackSlots(body['entries'], slots))) return undefined;
  body['size'] = text.length;
  const end = ',"size":0}';
  return text.endsWith(end) ? `${text.slice(0, -end.length)},"size":${text.length}}` : JSON.stringify(body);
}

/** The title, culprit and metadata are stored with the issue, apart from the body: they are scrubbed too. */
function scrubHeadline(headline: EventHeadline, scrubbing: ScrubbingSettings | undefined): EventHeadline {
  if (scrubbing?.enabled === false) return headline;
  return {
    ...headline,
    title: scrubText(headline.title),
    culprit: scrubText(headline.culprit),
    metadata: scrubEventBody(headline.metadata, scrubbing),
  };
}

/** Tags are stored apart from the body (counts, tag values): scrubbed by the same rules as its `tags`. */
function scrubTags(tags: Array<[string, string]>, scrubbing: ScrubbingSettings | undefined): Array<[string, string]> {
  if (scrubbing?.enabled === false) return tags;
  return scrubTagPairs(tags, scrubbing);
}

function withoutIp(user: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (user === undefined) return undefined;
  const { ip_address: _ignored, ...rest } = user;
  return rest;
}

interface StackInputs {
  readonly platform: string;
  readonly debugImages: readonly DebugImage[];
  readonly workspace: WorkspaceSnapshot | undefined;
  readonly prepared: PreparedStacks | undefined;
  readonly scrub: EventScrubOptions | undefined;
}

/** The stack processed, or kept ready from an earlier event with the same stack. */
async function processStack(
  stacktrace: IngestStacktrace | undefined,
  inputs: StackInputs,
): Promise<ProcessedStack & { readonly stored?: StoredStack }> {
  if (stacktrace === undefined) return { frames: null, rawFrames: null, lines: [] };
  const settings = {
    platform: inputs.platform,
    debugImages: inputs.debugImages,
    workspaceVersion: inputs.workspace === undefined ? 'none' : inputs.workspace.version,
    scrub: inputs.scrub,
  };
  return (
    inputs.prepared?.prepared(stacktrace.frames, settings, () => symbolicatedStack(stacktrace, inputs)) ??
    symbolicatedStack(stacktrace, inputs)
  );
}

async function symbolicatedStack(stacktrace: IngestStacktrace, inputs: StackInputs): Promise<ProcessedStack> {
  const frames = stacktrace.frames.map((raw) => {
    const frame = apiFrameOf(raw);
    return { ...frame, inApp: inAppOf(frame, raw.in_app, inputs.platform) };
  });
  if (inputs.workspace === undefined) return { frames, rawFrames: null, lines: [] };
  return symbolicateStack(frames, {
    platform: inputs.platform,
    debugImages: inputs.debugImages,
    workspace: inputs.workspace,
  });
}

function crashedThreadStack(event: IngestEvent): IngestStacktrace | undefined {
  const threads = event.threads ?? [];
  return (threads.find((thread) => thread.crashed) ?? threads.find((thread) => thread.current))?.stacktrace;
}

/** The innermost workspace frame of the thrown exception, else of its causes, else of the loose stack. */
function raisedAt(
  exceptions: ReadonlyArray<Pick<ProcessedStack, 'lines'>>,
  loose: Pick<ProcessedStack, 'lines'> | undefined,
): WorkspaceLine | undefined {
  const stacks = [...exceptions].reverse().map((exception) => exception.lines);
  if (loose) stacks.push(loose.lines);
  for (const lines of stacks) {
    const found = [...lines].reverse().find((line) => line !== undefined);
    if (found) return found;
  }
  return undefined;
}

function messageOf(event: IngestEvent): string | undefined {
  const entry = event.logentry ?? (typeof event.message === 'object' ? event.message : undefined);
  const text = entry?.formatted ?? entry?.message ?? (typeof event.message === 'string' ? event.message : undefined);
  return text === undefined || text.trim() === '' ? undefined : text.slice(0, 8192);
}

function debugImagesOf(event: IngestEvent): DebugImage[] {
  const images: DebugImage[] = [];
  for (const image of event.debug_meta?.images ?? []) {
    const value = boundedJson(image, { maxDepth: 2, maxItems: 20, maxStringLength: 2048 });
    if (typeof value !== 'object' || value === null) continue;
    const record = value as Record<string, unknown>;
    if (
      record['type'] === 'sourcemap' &&
      typeof record['code_file'] === 'string' &&
      typeof record['debug_id'] === 'string'
    ) {
      images.push({ codeFile: record['code_file'], debugId: record['debug_id'] });
    }
  }
  return images;
}

/** Sentry event ids are 32 lowercase hex digits; a missing or malformed one is replaced, as Relay does. */
export function eventIdOf(raw: string | undefined): string {
  const compact = raw?.replace(/-/g, '').toLowerCase();
  return compact !== undefined && /^[0-9a-f]{32}$/.test(compact) ? compact : randomUUID().replace(/-/g, '');
}

function timestampOf(raw: number | string | undefined, receivedAt: number): number {
  const ms = typeof raw === 'number' ? raw * 1000 : typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  if (!Number.isFinite(ms) || ms <= 0 || ms > receivedAt + MAX_CLOCK_DRIFT_MS) return receivedAt;
  return ms;
}
