// The original name of the function a compiled frame is in: the frame's function name is searched for backwards from
// the frame's position as a declaration (`function c(`, `c=function`, `c=(…)=>`, `c(…){`), and that token is resolved
// through the source map as Sentry's symbolicator resolves a scope's name: the map's `names` entry at the token, else
// at the token just before it when both map to the same original position (TypeScript names the `function` keyword),
// else the token's own text, which is the original name when the bundler did not rename it (esbuild emits names only
// for identifiers it renamed).
import { traceSegment, type TraceMap } from '@jridgewell/trace-mapping';

/** Characters searched backwards from the frame: a function's declaration is rarely further away in a bundle. */
const MAX_SEARCH_CHARS = 200_000;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function originalScopeName(
  map: TraceMap,
  lines: readonly string[],
  line: number,
  column: number,
  compiledName: string | null,
): string | undefined {
  const name = compiledName?.split('.').pop();
  if (name === undefined || !IDENTIFIER.test(name)) return undefined;
  const declaration = declarationPattern(name);
  let searched = 0;
  // The nearest declaration before the frame: minifiers reuse short names, and the enclosing function is the nearest.
  for (let index = line - 1; index >= 0 && searched < MAX_SEARCH_CHARS; index--) {
    const text = lines[index] ?? '';
    const end = index === line - 1 ? Math.min(column, text.length) : text.length;
    const start = Math.max(0, end - (MAX_SEARCH_CHARS - searched));
    searched += end - start;
    const match = [...text.slice(start, end).matchAll(declaration)].pop();
    if (match === undefined) continue;
    const offset = match[0].indexOf(name, match[1] !== undefined ? match[0].indexOf('function') + 8 : 0);
    const tokenColumn = start + (match.index ?? 0) + Math.max(offset, 0);
    return mappedName(map, index, tokenColumn) ?? name;
  }
  return undefined;
}

function declarationPattern(name: string): RegExp {
  const escaped = name.replace(/\$/g, '\\$');
  // Three declaration forms: `function name(`, `name = function | (...) => | x =>` (or `name:` in an object),
  // and a method `name(...) {`.
  const functionKeyword = `(?:function\\s*\\*?\\s*(${escaped})\\s*\\()`;
  const functionValue = `(?:async\\s*)?(?:function\\b|\\([^()]*\\)\\s*=>|[\\w$]+\\s*=>)`;
  const assigned = `(?:(?<![\\w$.])(${escaped})\\s*[=:]\\s*${functionValue})`;
  const method = `(?:(?<![\\w$.])(${escaped})\\s*\\([^()]*\\)\\s*\\{)`;
  return new RegExp(`${functionKeyword}|${assigned}|${method}`, 'g');
}

/**
 * The `names` entry of the mapping that starts at the token (0-based line and column), or one column before it as
 * Sentry allows; else of the mapping just before that one when it maps to the same original position.
 */
export function mappedName(map: TraceMap, line: number, column: number): string | undefined {
  const segment = traceSegment(map, line, column);
  if (segment === null || segment.length < 4 || segment[0] < column - 1) return undefined;
  const own = nameOf(map, segment);
  if (own !== undefined || segment[0] === 0) return own;
  const before = traceSegment(map, line, segment[0] - 1);
  if (before === null || before.length < 4) return undefined;
  const sameOrigin = before[1] === segment[1] && before[2] === segment[2] && before[3] === segment[3];
  return sameOrigin ? nameOf(map, before) : undefined;
}

function nameOf(map: TraceMap, segment: readonly number[]): string | undefined {
  const index = segment[4];
  return index === undefined ? undefined : (map.names[index] ?? undefined);
}
