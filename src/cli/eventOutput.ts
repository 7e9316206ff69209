// What `sentry-insight event --json` prints: the issue, its latest event's exception chain (thrown first) with each
// frame's workspace line and scrubbed variables, the raising line's suspect commit and its file's code owners.
import { stackOfEvent, type IssueEvent } from '../core/api/eventSchema';
import type { Issue } from '../core/api/issueSchema';
import type { LocatedFrame } from '../core/assistant/issueContext';
import { frameKey, partsOfStack, shownFrames } from '../core/format/exceptionView';
import { variableRows } from '../core/format/variablesView';
import type { FileOwners } from '../core/owners/codeOwners';
import { scrubEventBody } from '../core/privacy/scrubEvent';
import type { SuspectCommit } from '../core/suspect/suspectCommit';

/** The suspect commit as `event --json` and `scan --json` print it. */
export interface SuspectCommitJson {
  sha: string;
  author: string;
  /** The author date, ISO 8601. */
  date: string;
  summary: string;
}

/** Code owners as `event --json` and `scan --json` print them: who, and the rule that said so. */
export interface OwnersJson {
  owners: string[];
  source: string;
  line: number;
}

export interface EventJson {
  issue: { id: string; shortId: string; title: string; level: string; status: string };
  event: { id: string; dateCreated: string | null; release: string | null } | null;
  /** Thrown first, then its causes; frames innermost first. */
  exceptions: Array<{
    type: string | null;
    value: string | null;
    frames: Array<{
      function: string | null;
      filename: string | null;
      lineNo: number | null;
      inApp: boolean | null;
      /** Today's place in the workspace, where the frame resolves to a workspace file. */
      workspace: { file: string; line: number; moved: boolean; stale: boolean } | null;
      variables: Array<{ name: string; value: string; depth: number; note?: string }>;
    }>;
  }>;
  /** The raising line: the innermost thrown frame that resolves to the workspace. */
  raisingLine: { file: string; line: number } | null;
  suspectCommit: SuspectCommitJson | null;
  owners: OwnersJson | null;
}

export function suspectCommitJson(commit: SuspectCommit | undefined): SuspectCommitJson | null {
  return commit
    ? {
        sha: commit.sha,
        author: commit.author,
        date: new Date(commit.authorTime).toISOString(),
        summary: commit.summary,
      }
    : null;
}

export function ownersJson(owners: FileOwners | undefined): OwnersJson | null {
  return owners ? { owners: [...owners.owners], source: owners.source, line: owners.line } : null;
}

/** The innermost frame of the thrown exception that lies in the workspace. */
export function raisingLineOf(event: IssueEvent, located: ReadonlyMap<string, LocatedFrame>): LocatedFrame | undefined {
  for (const part of partsOfStack(stackOfEvent(event))) {
    const found = shownFrames(part.frames)
      .map((frame) => located.get(frameKey(frame)))
      .find((location) => location !== undefined);
    if (found) return found;
  }
  return undefined;
}

export function eventJson(input: {
  issue: Issue;
  event?: IssueEvent;
  located: ReadonlyMap<string, LocatedFrame>;
  suspect?: SuspectCommit;
  owners?: FileOwners;
}): EventJson {
  const { issue, located } = input;
  // Every server's event gets the same scrubbing (a hosted Sentry may have its own off), as the panel and the assistant.
  const event = input.event ? scrubEventBody(input.event, { allQueryValues: true }) : undefined;
  const raising = input.event ? raisingLineOf(input.event, located) : undefined;
  const release = typeof event?.release === 'string' ? event.release : (event?.release?.version ?? null);
  return {
    issue: { id: issue.id, shortId: issue.shortId, title: issue.title, level: issue.level, status: issue.status },
    event: event ? { id: event.eventID ?? event.id, dateCreated: event.dateCreated ?? null, release } : null,
    exceptions: event
      ? partsOfStack(stackOfEvent(event)).map((part) => ({
          type: part.exception?.type ?? null,
          value: part.exception?.value ?? null,
          frames: shownFrames(part.frames).map((frame) => {
            const where = located.get(frameKey(frame));
            return {
              function: frame.function ?? null,
              filename: frame.filename ?? frame.absPath ?? null,
              lineNo: frame.lineNo ?? null,
              inApp: frame.inApp ?? null,
              workspace: where ? { file: where.file, line: where.line, moved: where.moved, stale: where.stale } : null,
              variables: (variableRows(frame) ?? []).map((row) => ({
                name: row.name,
                value: row.value,
                depth: row.depth,
                ...(row.note ? { note: row.note } : {}),
              })),
            };
          }),
        }))
      : [],
    raisingLine: raising ? { file: raising.file, line: raising.line } : null,
    suspectCommit: suspectCommitJson(input.suspect),
    owners: ownersJson(input.owners),
  };
}
