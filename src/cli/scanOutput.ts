// What `sentry-insight scan` prints: the JSON contract (`--json`) and the human listing, per file and sorted by line.
import { eventsAndUsers, plural } from '../core/format/counts';
import { oneLine } from '../core/format/untrustedText';
import type { LineHit } from '../core/index/issueIndex';
import type { ScanResult } from './workspaceScan';
import { issueCounts } from '../core/scan/eventHits';
import type { Issue } from '../core/api/issueSchema';
import { storyOf, type IssueStoryKind } from '../core/tracking/issueStory';
import { annotationKey, type AnnotationCause } from './annotationCauses';
import type { OwnersJson, SuspectCommitJson } from './eventOutput';

/** One issue as `scan --json` and `compare --json` print it. */
export interface IssueJson {
  id: string;
  shortId: string;
  title: string;
  level: string;
  status: string;
  count: number;
  userCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  permalink: string | null;
  firstRelease: string | null;
  lastRelease: string | null;
  story: IssueStoryKind;
}

export interface ScanJson {
  release: { version: string; source: string } | null;
  issues: IssueJson[];
  annotations: Array<{
    file: string;
    line: number;
    issueId: string;
    role: 'raised' | 'caller';
    count: number;
    userCount: number;
    moved: boolean;
    /** The commit that last changed the line (git blame at the release where the repository has it); null where unknown. */
    suspectCommit: SuspectCommitJson | null;
    /** The file's code owners from CODEOWNERS; null where no rule names it. */
    owners: OwnersJson | null;
  }>;
  unresolvedFrames: number;
  /** Issues without marks because the server was busy or failing (the exit code is then 1). */
  missing: Array<{ issueId: string; shortId: string; reason: string }>;
  warnings: string[];
}

export function scanJson(result: ScanResult, causes: ReadonlyMap<string, AnnotationCause> = new Map()): ScanJson {
  return {
    release: result.release ? { version: result.release.version, source: result.release.source } : null,
    issues: result.issues.map((issue) => issueJson(issue, issueCounts(issue), result.release?.version)),
    annotations: result.index.allHits().map((hit) => ({
      file: hit.file,
      line: hit.line,
      issueId: hit.issueId,
      role: hit.role,
      count: hit.count,
      userCount: hit.userCount,
      moved: hit.moved,
      suspectCommit: causes.get(annotationKey(hit))?.suspectCommit ?? null,
      owners: causes.get(annotationKey(hit))?.owners ?? null,
    })),
    unresolvedFrames: result.unresolvedFrames,
    missing: result.missing.map((entry) => ({
      issueId: entry.issueId,
      shortId: entry.shortId,
      reason: entry.error.message,
    })),
    warnings: [...result.warnings],
  };
}

/** `counts` are the release's (or, for a gone issue in `compare`, the base's). */
export function issueJson(
  issue: Issue,
  counts: { count: number; userCount: number },
  release: string | undefined,
): IssueJson {
  return {
    id: issue.id,
    shortId: issue.shortId,
    title: issue.title,
    level: issue.level,
    status: issue.status,
    count: counts.count,
    userCount: counts.userCount,
    firstSeen: issue.firstSeen ?? null,
    lastSeen: issue.lastSeen ?? null,
    permalink: issue.permalink ?? null,
    firstRelease: issue.firstRelease?.version ?? null,
    lastRelease: issue.lastRelease?.version ?? null,
    story: storyOf(issue, release).kind,
  };
}

export const levelMarks: Record<string, string> = {
  fatal: '✖',
  error: '✖',
  warning: '⚠',
  info: 'ℹ',
  debug: '·',
  sample: '·',
};

function lineOf(hit: LineHit, width: number): string {
  const place = `${hit.file}:${hit.line}`.padEnd(width);
  const mark = hit.role === 'raised' ? (levelMarks[hit.level] ?? '✖') : '↳';
  const notes = [
    hit.role === 'caller' ? 'caller' : '',
    hit.moved ? 'line moved since the release' : '',
    hit.stale ? 'code changed since the release' : '',
  ].filter(Boolean);
  const suffix = notes.length > 0 ? `  (${notes.join(', ')})` : '';
  return `${place}  ${mark} ${eventsAndUsers(hit.count, hit.userCount)}  ${oneLine(hit.title, 100)}  ${oneLine(hit.shortId, 40)}${suffix}`;
}

export function scanText(result: ScanResult): string {
  const hits = result.index.allHits();
  const width = Math.min(60, Math.max(0, ...hits.map((hit) => `${hit.file}:${hit.line}`.length)));
  const lines: string[] = [];
  let previousFile: string | undefined;
  for (const hit of hits) {
    if (previousFile !== undefined && hit.file !== previousFile) lines.push('');
    previousFile = hit.file;
    lines.push(lineOf(hit, width));
  }
  const files = new Set(hits.map((hit) => hit.file)).size;
  const release = result.release
    ? `release ${oneLine(result.release.version)} (${result.release.source})`
    : 'all releases';
  if (lines.length > 0) lines.push('');
  lines.push(
    `${plural(result.issues.length, 'unresolved issue')} in ${release}; ${plural(hits.length, 'mark')} in ${plural(files, 'file')}` +
      (result.unresolvedFrames > 0
        ? `; ${plural(result.unresolvedFrames, 'in-app frame')} not found in this workspace`
        : ''),
  );
  return `${lines.join('\n')}\n`;
}
