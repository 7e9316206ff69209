// Which recorded values the editor writes at the end of which lines while a replay is stopped in a frame: each
// top-level variable on the last line at or above the stopped line that names it, as "name = value".
import type { VariableNode } from '../variables/variableTree';

export interface InlineValueLine {
  /** 0-based line. */
  readonly line: number;
  readonly text: string;
}

/** How far above the stopped line names are looked for: about one function. */
export const inlineValueReach = 60;
const maxValueLength = 60;
const maxLineTextLength = 200;

function shortValue(node: VariableNode): string {
  return node.value.length > maxValueLength ? `${node.value.slice(0, maxValueLength - 1)}…` : node.value;
}

function namesOn(lineText: string, names: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const match of lineText.matchAll(/[A-Za-z_$][\w$]*/g)) if (names.has(match[0])) found.add(match[0]);
  return [...found];
}

/**
 * `lineAt(n)` gives the text of 0-based line n. Each variable shows once, on the nearest line at or above `stoppedLine`
 * that names it; a variable named nowhere shows on the stopped line, so every recorded value is in sight.
 */
export function inlineValueLines(
  variables: readonly VariableNode[],
  stoppedLine: number,
  lineAt: (line: number) => string | undefined,
): InlineValueLine[] {
  const byName = new Map(variables.map((node) => [node.name, node] as const));
  const waiting = new Set(byName.keys());
  const perLine = new Map<number, string[]>();
  for (let line = stoppedLine; line >= Math.max(0, stoppedLine - inlineValueReach) && waiting.size > 0; line--) {
    const text = lineAt(line);
    if (text === undefined) continue;
    for (const name of namesOn(text, waiting)) {
      waiting.delete(name);
      perLine.set(line, [...(perLine.get(line) ?? []), name]);
    }
  }
  if (waiting.size > 0) perLine.set(stoppedLine, [...(perLine.get(stoppedLine) ?? []), ...waiting]);
  return [...perLine]
    .sort(([a], [b]) => a - b)
    .map(([line, names]) => {
      const text = names.map((name) => `${name} = ${shortValue(byName.get(name) as VariableNode)}`).join(', ');
      return { line, text: text.length > maxLineTextLength ? `${text.slice(0, maxLineTextLength - 1)}…` : text };
    });
}
