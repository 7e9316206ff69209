// Where today's line was in an older revision: read from `git diff -U0 <revision> -- <file>` (the revision against
// the file on disk), whose hunk headers say which old lines became which new ones.

export interface LineAtRevision {
  /** 1-based line in the revision. */
  readonly line: number;
  /** Today's line is not the revision's: a later change rewrote it (`line` is the one it replaced). */
  readonly changedSince: boolean;
}

const hunkHeader = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Undefined when today's line was added after the revision (it replaced nothing there). */
export function lineAtRevision(diff: string, line: number): LineAtRevision | undefined {
  let mapped = line;
  for (const header of diff.split('\n')) {
    const match = hunkHeader.exec(header);
    if (!match) continue;
    const [oldStart, oldCount, newStart, newCount] = [match[1], match[2] ?? '1', match[3], match[4] ?? '1'].map(
      Number,
    ) as [number, number, number, number];
    // With a count of 0 the start is the line before the change; otherwise the first line changed.
    const newNext = newCount === 0 ? newStart + 1 : newStart + newCount;
    const oldNext = oldCount === 0 ? oldStart + 1 : oldStart + oldCount;
    if (newCount > 0 && line >= newStart && line < newNext) {
      return oldCount === 0
        ? undefined
        : { line: oldStart + Math.min(line - newStart, oldCount - 1), changedSince: true };
    }
    if (line < newNext) break;
    mapped = line - newNext + oldNext;
  }
  return { line: mapped, changedSince: false };
}
