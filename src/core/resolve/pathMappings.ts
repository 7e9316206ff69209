// Applies stack-root to source-root rules (the user's, then Sentry's code mappings) to a frame's paths.
import type { PathMapping } from './frame';
import { normalizeFramePath } from './paths';

/**
 * Rules sorted as Sentry tries them: a longer (more specific) stack root first; equal lengths keep their given order.
 * An empty stack root matches every path, so it comes last.
 */
export function sortMappings(mappings: readonly PathMapping[]): PathMapping[] {
  return mappings
    .map((mapping, order) => ({ mapping, order }))
    .sort((a, b) => b.mapping.stackRoot.length - a.mapping.stackRoot.length || a.order - b.order)
    .map(({ mapping }) => mapping);
}

/**
 * Every rewritten path the sorted rules give for the frame's paths (filename before absPath, as Sentry does), best
 * first: a path that starts with `stackRoot` has that prefix replaced by `sourceRoot`, then is normalised. Sentry
 * compares raw strings; comparing with `\` turned into `/` on both sides also lets a rule written with either
 * separator match Windows frames.
 */
export function mappedPaths(framePaths: readonly string[], sortedMappings: readonly PathMapping[]): string[] {
  const results: string[] = [];
  for (const mapping of sortedMappings) {
    const stackRoot = toSlashes(mapping.stackRoot);
    for (const framePath of framePaths) {
      const path = toSlashes(framePath);
      if (!path.startsWith(stackRoot)) continue;
      const mapped = normalizeFramePath(`${toSlashes(mapping.sourceRoot)}/${path.slice(stackRoot.length)}`);
      if (mapped !== undefined && !results.includes(mapped)) results.push(mapped);
    }
  }
  return results;
}

function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}
