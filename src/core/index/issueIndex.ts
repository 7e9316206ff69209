// The issue index: workspace file -> line -> the issues whose stack traces pass through that line.
// Built once per refresh; asking for a file costs O(hits in that file), whatever the size of the workspace.
import { z } from 'zod';

/** One issue on one line; the schema reads hits back from a cached snapshot, and the type comes from it. */
export const lineHitSchema = z
  .object({
    issueId: z.string(),
    shortId: z.string(),
    title: z.string(),
    level: z.string(),
    /** Innermost in-app frame of the thrown exception (`raised`), or another in-app frame (`caller`). */
    role: z.enum(['raised', 'caller']),
    /** Events and users within the release when the server says so, otherwise within the query's window. */
    count: z.number(),
    userCount: z.number(),
    firstSeen: z.string().optional(),
    lastSeen: z.string().optional(),
    /** Workspace folder path and folder-relative file, `/`-separated. */
    folder: z.string(),
    file: z.string(),
    /** 1-based line in the file as it is on disk now. */
    line: z.number().int().positive(),
    moved: z.boolean(),
    stale: z.boolean(),
  })
  .readonly();

export type LineHit = z.infer<typeof lineHitSchema>;
export type HitRole = LineHit['role'];

const roleOrder: Record<HitRole, number> = { raised: 0, caller: 1 };

/** Strongest first: raised before caller, then by events, then by issue id for a stable order. */
export function compareHits(a: LineHit, b: LineHit): number {
  return roleOrder[a.role] - roleOrder[b.role] || b.count - a.count || a.issueId.localeCompare(b.issueId);
}

/** One hit per issue, its strongest, strongest first: the rule for a line's hits, in the index and wherever edits join lines. */
export function strongestPerIssue(hits: Iterable<LineHit>): LineHit[] {
  const byIssue = new Map<string, LineHit>();
  for (const hit of hits) {
    const kept = byIssue.get(hit.issueId);
    if (!kept || compareHits(hit, kept) < 0) byIssue.set(hit.issueId, hit);
  }
  return [...byIssue.values()].sort(compareHits);
}

function fileKey(folder: string, file: string): string {
  return `${folder}\u0000${file}`;
}

export class IssueIndex {
  private readonly byFile = new Map<string, Map<number, LineHit[]>>();
  /** Files whose lines this index alone holds; the others it shares with a copy, and copies before changing them. */
  private readonly owned = new Set<string>();
  private size = 0;

  /** Adds a hit; a second hit of the same issue on the same line keeps the stronger role. */
  add(hit: LineHit): void {
    const lines = this.linesToChange(fileKey(hit.folder, hit.file));
    const before = lines.get(hit.line) ?? [];
    const hits = strongestPerIssue([...before, hit]);
    this.size += hits.length - before.length;
    lines.set(hit.line, hits);
  }

  /** Takes out every hit of the issue on the lines of these hits (the ones it was added with). */
  removeIssue(issueId: string, hits: Iterable<LineHit>): void {
    for (const hit of hits) {
      const key = fileKey(hit.folder, hit.file);
      const before = this.byFile.get(key)?.get(hit.line);
      if (!before?.some((kept) => kept.issueId === issueId)) continue;
      const lines = this.linesToChange(key);
      const after = before.filter((kept) => kept.issueId !== issueId);
      this.size -= before.length - after.length;
      if (after.length > 0) lines.set(hit.line, after);
      else lines.delete(hit.line);
      if (lines.size === 0) {
        this.byFile.delete(key);
        this.owned.delete(key);
      }
    }
  }

  /**
   * A copy at the cost of the index's files, not its hits: the two share each file's lines (whose hit lists are never
   * changed in place) until one of them changes that file.
   */
  copy(): IssueIndex {
    const copy = new IssueIndex();
    for (const [key, lines] of this.byFile) copy.byFile.set(key, lines);
    copy.size = this.size;
    this.owned.clear();
    return copy;
  }

  /** The marked lines of one file, ascending, each with its hits strongest first. */
  hitsInFile(folder: string, file: string): ReadonlyArray<readonly [line: number, hits: readonly LineHit[]]> {
    const lines = this.byFile.get(fileKey(folder, file));
    if (!lines) return [];
    return [...lines.entries()].sort(([a], [b]) => a - b);
  }

  /** Every hit, by folder, file and line: what `scan` prints. */
  allHits(): LineHit[] {
    // Files sorted once each, lines by number, and each line's hits are kept strongest first: the same order as sorting
    // every hit by folder, file, line and strength, without comparing file names once per hit.
    const files = [...this.byFile.entries()].map(([key, lines]) => ({
      folder: key.slice(0, key.indexOf('\u0000')),
      file: key.slice(key.indexOf('\u0000') + 1),
      lines,
    }));
    files.sort((a, b) => a.folder.localeCompare(b.folder) || a.file.localeCompare(b.file));
    const hits: LineHit[] = [];
    for (const { lines } of files)
      for (const [, lineHits] of [...lines.entries()].sort(([a], [b]) => a - b)) hits.push(...lineHits);
    return hits;
  }

  get hitCount(): number {
    return this.size;
  }

  get fileCount(): number {
    return this.byFile.size;
  }

  /** The file's lines, its own to change: created when missing, copied when shared with a copy of the index. */
  private linesToChange(key: string): Map<number, LineHit[]> {
    let lines = this.byFile.get(key);
    if (lines && this.owned.has(key)) return lines;
    lines = new Map(lines);
    this.byFile.set(key, lines);
    this.owned.add(key);
    return lines;
  }
}
