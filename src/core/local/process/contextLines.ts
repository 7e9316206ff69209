// Source context for a frame from a workspace file: the line and five on either side, as `[[lineNo, text], ...]`.
import type { WorkspaceFileReader } from '../../resolve/workspaceFileReader';

const AROUND = 5;
const MAX_LINE_LENGTH = 500;

export async function contextFromFile(
  reader: WorkspaceFileReader,
  absolutePath: string,
  line: number,
): Promise<Array<[number, string]>> {
  const text = await reader.read(absolutePath);
  if (text === undefined || line < 1 || line > text.lines.length) return [];
  const first = Math.max(1, line - AROUND);
  const last = Math.min(text.lines.length, line + AROUND);
  const context: Array<[number, string]> = [];
  for (let number = first; number <= last; number++) {
    const lineText = text.lines[number - 1] ?? '';
    context.push([number, lineText.length > MAX_LINE_LENGTH ? `${lineText.slice(0, MAX_LINE_LENGTH)}…` : lineText]);
  }
  return context;
}
