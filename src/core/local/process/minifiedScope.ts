// The original name of the function a minified frame is in: the minified name's declaration is searched for backwards
// from the frame's position (`function c(`, `c=function`, `c=(…)=>`), and the source map's name at that token is the
// original one. A simplified form of what Sentry's symbolicator does with scope information.
import { GREATEST_LOWER_BOUND, originalPositionFor, type TraceMap } from '@jridgewell/trace-mapping';

/** Characters searched backwards from the frame: a function's declaration is rarely further away in a bundle. */
const MAX_SEARCH_CHARS = 200_000;
const MAX_CANDIDATES = 10;

export function originalScopeName(map: TraceMap, lines: readonly string[], line: number, column: number, minifiedName: string | null): string | undefined {
  const name = minifiedName?.split('.').pop();
  if (name === undefined || !/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
  const escaped = name.replace(/\$/g, '\\$');
  const declaration = new RegExp(
    `(?:function\\s*\\*?\\s*(${escaped})\\s*\\()|(?:(?<![\\w$.])(${escaped})\\s*[=:]\\s*(?:async\\s*)?(?:function\\b|\\([^()]*\\)\\s*=>|[\\w$]+\\s*=>))|(?:(?<![\\w$.])(${escaped})\\s*\\([^()]*\\)\\s*\\{)`,
    'g',
  );
  let searched = 0;
  let candidates = 0;
  for (let index = line - 1; index >= 0 && searched < MAX_SEARCH_CHARS && candidates < MAX_CANDIDATES; index--) {
    const text = lines[index] ?? '';
    const end = index === line - 1 ? Math.min(column, text.length) : text.length;
    const start = Math.max(0, end - (MAX_SEARCH_CHARS - searched));
    searched += end - start;
    const matches = [...text.slice(start, end).matchAll(declaration)].reverse();
    for (const match of matches) {
      if (++candidates > MAX_CANDIDATES) break;
      const offset = match[0].indexOf(name, match[1] !== undefined ? match[0].indexOf('function') + 8 : 0);
      const tokenColumn = start + (match.index ?? 0) + Math.max(offset, 0);
      const original = originalPositionFor(map, { line: index + 1, column: tokenColumn, bias: GREATEST_LOWER_BOUND });
      if (original.name !== null && original.name !== undefined) return original.name;
    }
  }
  return undefined;
}
