// Scrubs an event in the Web API's shape (the local server's stored body, or a hosted Sentry's event JSON) by the rules
// of sensitiveData.ts: values under sensitive names, credentials, cards, keys and e-mails in text, cookies, client IPs,
// and, when asked, every query value of a URL. Returns a copy; the user interface's own fields are left to the views.
import { FILTERED, isSensitiveKey, scrubText, scrubUrl, type ScrubOptions } from './sensitiveData';

export interface EventScrubOptions extends ScrubOptions {
  /** Filter every query value of URLs (views, unless the user asks), not only those under sensitive names. */
  readonly allQueryValues?: boolean;
}

/** Headers that carry the client's address. */
const CLIENT_ADDRESS =
  /^(x-forwarded-for|x-real-ip|forwarded|cf-connecting-ip|true-client-ip|x-client-ip|x-cluster-client-ip|remote_addr)$/i;
/** Keys whose strings hold URLs. */
const URL_KEY = /^(url|to|from|href|referer|referrer)$/i;
/**
 * Ids, hashes, dates and where a frame points: never personal, long digit runs in them must not look like card numbers,
 * and frames must stay matchable to the workspace.
 */
const IDENTIFIERS = new Set([
  'id',
  'eventID',
  'event_id',
  'groupID',
  'projectID',
  'fingerprints',
  'dateCreated',
  'dateReceived',
  'timestamp',
  'release',
  'dist',
  'size',
  '_meta',
  'instructionAddr',
  'symbolAddr',
  'debug_id',
  'image_addr',
  'filename',
  'absPath',
  'module',
  'package',
  'function',
  'rawFunction',
  'symbol',
]);
/** Depth past which values are filtered whole: trimmed events never reach it, and a walk must stay bounded. */
const MAX_DEPTH = 64;

export function scrubEventBody<T>(body: T, options: EventScrubOptions = {}): T {
  return scrubValue(body, undefined, options, 0) as T;
}

/** What scrubLevel answers for a plain object or list whose entries are each scrubbed under their own key. */
export const DESCEND: unique symbol = Symbol('descend');

/**
 * Tags as `[key, value]` pairs, scrubbed as a body's `tags` are (`scrubEventBody({ tags })`), without the body around
 * them: the local server scrubs every event's tags so, apart from its body.
 */
export function scrubTagPairs(
  tags: ReadonlyArray<readonly [string, string]>,
  options: EventScrubOptions = {},
): Array<[string, string]> {
  return tags.map(([key, value]) => {
    const scrubbed = scrubTag({ key, value }, options) as { key: string; value: string };
    return [scrubbed.key, scrubbed.value];
  });
}

/** The value scrubbed whole, `depth` levels below the body. */
export function scrubValue(
  value: unknown,
  key: string | undefined,
  options: EventScrubOptions,
  depth: number,
): unknown {
  const scrubbed = scrubLevel(value, key, options, depth);
  return scrubbed === DESCEND ? scrubEntries(value as object, options, depth) : scrubbed;
}

/**
 * One level of scrubbing, so that a walk with another job (trimming) can scrub as it goes: the value's scrubbed form
 * when it is decided here (text, a filtered value, the user, cookies, tags, a list of pairs), else DESCEND: the
 * value is a plain object or list whose entries are scrubbed one level deeper, each under its own key (none in lists).
 */
export function scrubLevel(
  value: unknown,
  key: string | undefined,
  options: EventScrubOptions,
  depth: number,
): unknown {
  // These names are read before the sensitive ones, which include "cookie".
  if (key === 'user' && typeof value === 'object' && value !== null && !Array.isArray(value))
    return scrubUser(value as Record<string, unknown>, options, depth - 1);
  if (key === 'cookies' && value !== null && typeof value === 'object') return filterAll(value);
  if (key === 'tags' && Array.isArray(value)) return value.map((tag) => scrubTag(tag, options));
  return scrubByValue(value, key, options, depth);
}

/** scrubLevel without the object keys that hold the user, cookies and tags (a pair's key never means them). */
function scrubByValue(value: unknown, key: string | undefined, options: EventScrubOptions, depth: number): unknown {
  if (key !== undefined && isSensitiveKey(key, options) && value !== null && value !== undefined && value !== '')
    return FILTERED;
  if (typeof value === 'string') {
    if (key !== undefined && IDENTIFIERS.has(key)) return value;
    if (key !== undefined && URL_KEY.test(key) && /^[a-z][a-z0-9+.-]*:\/\/|^\//i.test(value))
      return scrubUrl(value, { ...options, allQueryValues: options.allQueryValues ?? false });
    return scrubText(value);
  }
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return FILTERED;
  if (Array.isArray(value) && isPairList(value))
    return value.map(([pairKey, pairValue]) => [pairKey, scrubPair(String(pairKey), pairValue, key, options, depth)]);
  return DESCEND;
}

function scrubEntries(value: object, options: EventScrubOptions, depth: number): unknown {
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, undefined, options, depth + 1));
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(record)) out[name] = scrubValue(record[name], name, options, depth + 1);
  return out;
}

/** Headers, query and env come as `[[key, value], …]`: the pair's key decides as an object key would. */
function scrubPair(
  pairKey: string,
  value: unknown,
  listKey: string | undefined,
  options: EventScrubOptions,
  depth: number,
): unknown {
  if (value === null || value === undefined) return value;
  if (!options.keepIpAddresses && CLIENT_ADDRESS.test(pairKey)) return FILTERED;
  if (listKey === 'query' && options.allQueryValues) return FILTERED;
  const scrubbed = scrubByValue(value, pairKey, options, depth + 1);
  return scrubbed === DESCEND ? scrubEntries(value as object, options, depth + 1) : scrubbed;
}

function isPairList(list: readonly unknown[]): list is Array<[unknown, unknown]> {
  return (
    list.length > 0 && list.every((item) => Array.isArray(item) && item.length === 2 && typeof item[0] === 'string')
  );
}

/** Cookies are session state: no value of theirs is kept, whatever its name. */
function filterAll(cookies: object): unknown {
  if (Array.isArray(cookies))
    return cookies.map((item: unknown) => (Array.isArray(item) && item.length === 2 ? [item[0], FILTERED] : FILTERED));
  return Object.fromEntries(Object.keys(cookies).map((name) => [name, FILTERED]));
}

/** The user interface is sent on purpose and shown only when the user data setting is on; its IP follows the IP rule. */
function scrubUser(user: Record<string, unknown>, options: EventScrubOptions, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { ...user };
  if (!options.keepIpAddresses && out['ip_address'] !== undefined && out['ip_address'] !== null)
    out['ip_address'] = null;
  if (out['data'] !== undefined) out['data'] = scrubValue(out['data'], 'data', options, depth + 1);
  return out;
}

/** Tags keep user e-mails and ids (the `user` tag counts people); a client IP goes unless it is kept. */
function scrubTag(tag: unknown, options: EventScrubOptions): unknown {
  if (typeof tag !== 'object' || tag === null) return tag;
  const record = tag as Record<string, unknown>;
  const key = typeof record['key'] === 'string' ? record['key'] : '';
  const value = record['value'];
  if (typeof value !== 'string') return tag;
  if (key === 'user' || key.startsWith('user.'))
    return !options.keepIpAddresses && (value.startsWith('ip:') || key === 'user.ip')
      ? { ...record, value: FILTERED }
      : tag;
  if (isSensitiveKey(key, options)) return { ...record, value: FILTERED };
  return {
    ...record,
    value: URL_KEY.test(key)
      ? scrubUrl(value, { ...options, allQueryValues: options.allQueryValues ?? false })
      : scrubText(value),
  };
}
