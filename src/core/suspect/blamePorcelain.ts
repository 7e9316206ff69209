// Reads the commit of one line from `git blame --porcelain` output (git's documented machine format).

export interface BlamedCommit {
  readonly sha: string;
  readonly author: string;
  /** Author time, milliseconds since the epoch. */
  readonly authorTime: number;
  /** The first line of the commit message. */
  readonly summary: string;
}

/** git's name for a line not committed yet (all zeros). */
const uncommitted = /^0+$/;

/** The commit of the first line blamed; undefined for an uncommitted line or output that is not porcelain. */
export function parseBlamePorcelain(output: string): BlamedCommit | undefined {
  const lines = output.split('\n');
  const sha = /^([0-9a-f]{40}|[0-9a-f]{64}) \d+ \d+/.exec(lines[0] ?? '')?.[1];
  if (!sha || uncommitted.test(sha)) return undefined;
  const header = new Map<string, string>();
  for (const line of lines.slice(1)) {
    // The line's own text starts with a tab and ends the header.
    if (line.startsWith('\t')) break;
    const space = line.indexOf(' ');
    if (space > 0) header.set(line.slice(0, space), line.slice(space + 1));
  }
  const authorTime = Number(header.get('author-time')) * 1000;
  if (!Number.isFinite(authorTime)) return undefined;
  return { sha, author: header.get('author') ?? 'unknown', authorTime, summary: header.get('summary') ?? '' };
}
