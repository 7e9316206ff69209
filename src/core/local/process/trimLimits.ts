// How much of an event the local Sentry keeps, with Relay's numbers (relay-event-schema's MaxChars and BagSize, and
// its trimming processor's frame limits), and which part of the Web API event body each limit applies to.

/** A string cap: the limit in characters and the slack allowed before trimming starts. */
export interface CharLimit {
  readonly limit: number;
  readonly allowance: number;
}

/** Relay's string caps. */
export const maxChars = {
  message: { limit: 8192, allowance: 200 },
  summary: { limit: 1024, allowance: 100 },
  symbol: { limit: 256, allowance: 20 },
  path: { limit: 256, allowance: 40 },
  culprit: { limit: 200, allowance: 0 },
  tagValue: { limit: 200, allowance: 0 },
  environment: { limit: 64, allowance: 0 },
} as const satisfies Record<string, CharLimit>;

/** A databag's bounds: nesting depth and estimated JSON bytes. */
export interface BagSize {
  readonly maxDepth: number;
  readonly maxBytes: number;
}

/** Relay's databag sizes. */
export const bagSizes = {
  small: { maxDepth: 3, maxBytes: 1024 },
  medium: { maxDepth: 5, maxBytes: 2048 },
  large: { maxDepth: 7, maxBytes: 8192 },
  massive: { maxDepth: 7, maxBytes: 262_144 },
} as const satisfies Record<string, BagSize>;

/** Relay keeps the last 250 frames of a stack, and vars and context lines of at most 50 of them. */
export const MAX_FRAMES = 250;
export const FRAMES_WITH_DETAILS = 50;
/** Chained exceptions kept (the innermost ones); Sentry's SDKs stop at 5 by default, so this only stops abuse. */
export const MAX_EXCEPTIONS = 25;

type Pattern = readonly string[];

/** Body paths (`*` any key or index) → the databag size that bounds everything below them. */
const bagRules: ReadonlyArray<readonly [Pattern, BagSize]> = [
  [['context'], bagSizes.massive],
  [['contexts', '*'], bagSizes.large],
  [['sdk'], bagSizes.large],
  [['packages'], bagSizes.large],
  [['user', 'data'], bagSizes.medium],
  [['user', 'geo'], bagSizes.small],
  [['entries', '*', 'data', 'values', '*', 'data'], bagSizes.medium],
  [['entries', '*', 'data', 'values', '*', 'mechanism'], bagSizes.medium],
  [['entries', '*', 'data', 'data'], bagSizes.large],
  [['entries', '*', 'data', 'env'], bagSizes.small],
  // Relay bounds no pairs list; these are bounded so that no header, cookie or query can grow an event without limit.
  [['entries', '*', 'data', 'headers'], bagSizes.large],
  [['entries', '*', 'data', 'cookies'], bagSizes.large],
  [['entries', '*', 'data', 'query'], bagSizes.large],
  [['entries', '*', 'data', 'params'], bagSizes.medium],
  [['entries', '*', 'data', 'images'], bagSizes.large],
  [['*', 'frames', '*', 'vars'], bagSizes.medium],
  [['*', 'frames', '*', 'lock'], bagSizes.small],
];

/** Body paths → the string cap; strings elsewhere get the message cap. */
const charRules: ReadonlyArray<readonly [Pattern, CharLimit]> = [
  [['title'], maxChars.summary],
  [['culprit'], maxChars.culprit],
  [['location'], maxChars.path],
  [['metadata', '*'], maxChars.summary],
  [['entries', '*', 'data', 'values', '*', 'type'], maxChars.symbol],
  [['entries', '*', 'data', 'values', '*', 'module'], maxChars.symbol],
  [['entries', '*', 'data', 'url'], maxChars.path],
  [['*', 'frames', '*', 'filename'], maxChars.path],
  [['*', 'frames', '*', 'absPath'], maxChars.path],
  [['*', 'frames', '*', 'function'], maxChars.symbol],
  [['*', 'frames', '*', 'rawFunction'], maxChars.symbol],
  [['*', 'frames', '*', 'symbol'], maxChars.symbol],
  [['*', 'frames', '*', 'module'], maxChars.symbol],
  [['*', 'frames', '*', 'package'], maxChars.path],
  [['*', 'frames', '*', 'context', '*', '*'], maxChars.summary],
  [['tags', '*', '*'], maxChars.tagValue],
];

export function bagFor(path: readonly string[]): BagSize | undefined {
  return firstMatch(bagRulesByLast, bagRules, path);
}

export function charLimitFor(path: readonly string[]): CharLimit {
  return firstMatch(charRulesByLast, charRules, path) ?? maxChars.message;
}

/** Per last path segment, the rules that can match a path ending in it, in their order: every value of a body is looked up. */
const bagRulesByLast = new Map<string, ReadonlyArray<readonly [Pattern, BagSize]>>();
const charRulesByLast = new Map<string, ReadonlyArray<readonly [Pattern, CharLimit]>>();
/** Last segments remembered; a body's keys are few, but a hostile one may bring many. */
const MAX_REMEMBERED_SEGMENTS = 4_096;

function firstMatch<T>(
  byLast: Map<string, ReadonlyArray<readonly [Pattern, T]>>,
  rules: ReadonlyArray<readonly [Pattern, T]>,
  path: readonly string[],
): T | undefined {
  const last = path[path.length - 1] ?? '';
  let candidates = byLast.get(last);
  if (candidates === undefined) {
    candidates = rules.filter(([pattern]) => {
      const end = pattern[pattern.length - 1];
      return end === '*' || end === last;
    });
    if (byLast.size >= MAX_REMEMBERED_SEGMENTS) byLast.clear();
    byLast.set(last, candidates);
  }
  for (const [pattern, value] of candidates) if (matches(pattern, path)) return value;
  return undefined;
}

/** A pattern matches the end of the path when it starts with `*` and frames are involved, else the whole path. */
function matches(pattern: Pattern, path: readonly string[]): boolean {
  // Frames sit at different depths (exception values, threads, a loose stacktrace): their rules match the path's tail.
  const offset = pattern[0] === '*' && pattern[1] === 'frames' ? path.length - pattern.length : 0;
  if (offset < 0 || (offset === 0 && path.length !== pattern.length)) return false;
  for (let index = 0; index < pattern.length; index++) {
    const segment = pattern[index];
    if (segment !== '*' && segment !== path[offset + index]) return false;
  }
  return true;
}
