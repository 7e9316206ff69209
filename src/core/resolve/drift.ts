// Finds where a frame's line is in today's file, using the source context Sentry stored with the event.

export type FrameContextLines = ReadonlyArray<readonly [number, string | null]>;

export interface DriftedLine {
  /** 1-based line in the current file. */
  readonly line: number;
  /** The frame's line text was found at another line. */
  readonly moved: boolean;
  /** The frame's line text was not found nearby. */
  readonly stale: boolean;
}

export const DEFAULT_DRIFT_WINDOW = 50;

/**
 * Where `lineNo` went. Unchanged when the file still has the frame's context line there, or when there is no context
 * to compare. Otherwise the candidate lines within `window` lines that carry the same text are ranked by how many of
 * the surrounding context lines also agree, then by distance, then the earlier line wins. A blank line is only moved
 * when some neighbour agrees too. When nothing matches, the line stays and is marked stale; a line past the end of the
 * file is no line of it (undefined): the frame is not in this version of the file, and marking the last line would
 * point at code that did not run.
 */
export function locateDriftedLine(
  fileLines: readonly string[],
  lineNo: number,
  context: FrameContextLines | null | undefined,
  window = DEFAULT_DRIFT_WINDOW,
): DriftedLine | undefined {
  const pastEnd = lineNo > lineCountOf(fileLines);
  const expected = context?.find(([number]) => number === lineNo)?.[1];
  if (expected === undefined || expected === null)
    return pastEnd ? undefined : { line: lineNo, moved: false, stale: false };
  if (!pastEnd && lineMatches(fileLines[lineNo - 1], expected)) return { line: lineNo, moved: false, stale: false };
  const found = bestCandidate(fileLines, lineNo, expected, context ?? [], window);
  if (found !== undefined) return { line: found, moved: true, stale: false };
  return pastEnd ? undefined : { line: lineNo, moved: false, stale: true };
}

/** Lines as an editor counts them: the empty piece after a final line break is not a line of its own. */
export function lineCountOf(fileLines: readonly string[]): number {
  return fileLines.length > 1 && fileLines[fileLines.length - 1] === '' ? fileLines.length - 1 : fileLines.length;
}

function bestCandidate(
  fileLines: readonly string[],
  lineNo: number,
  expected: string,
  context: FrameContextLines,
  window: number,
): number | undefined {
  const needsNeighbour = expected.trim() === '';
  let best: { line: number; agreement: number } | undefined;
  for (let distance = 1; distance <= window; distance++) {
    for (const line of [lineNo - distance, lineNo + distance]) {
      if (line < 1 || line > lineCountOf(fileLines) || !lineMatches(fileLines[line - 1], expected)) continue;
      const agreement = neighbourAgreement(fileLines, line, lineNo, context);
      if (needsNeighbour && agreement === 0) continue;
      // Strictly greater: at equal agreement the nearer line (met first) and, at equal distance, the earlier line wins.
      if (best === undefined || agreement > best.agreement) best = { line, agreement };
    }
  }
  return best?.line;
}

/** How many of the frame's other context lines sit at the same offset around `candidate` as around `lineNo`. */
function neighbourAgreement(
  fileLines: readonly string[],
  candidate: number,
  lineNo: number,
  context: FrameContextLines,
): number {
  let agreement = 0;
  for (const [number, text] of context) {
    if (number === lineNo || text === null || text.trim() === '') continue;
    const line = candidate + (number - lineNo);
    if (line >= 1 && line <= fileLines.length && lineMatches(fileLines[line - 1], text)) agreement++;
  }
  return agreement;
}

/**
 * Compares ignoring surrounding whitespace. Sentry shortens long lines to `{snip} middle part {snip}`: then every
 * kept piece must appear in the file line, in order.
 */
export function lineMatches(actual: string | undefined, expected: string): boolean {
  if (actual === undefined) return false;
  if (!expected.includes('{snip}')) return actual.trim() === expected.trim();
  let from = 0;
  for (const piece of expected.split('{snip}').map((part) => part.trim())) {
    if (piece === '') continue;
    const at = actual.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}
