// Turns one issue's event into line hits: the innermost workspace frame of the thrown exception is where it was
// raised, every other workspace frame a caller. Frames that name no workspace file are counted, not guessed.
import { stackOfEvent, type IssueEvent } from '../api/eventSchema';
import type { Issue } from '../api/issueSchema';
import type { LineHit } from '../index/issueIndex';
import type { ResolvedLocation, SourceFrame } from '../resolve/frame';

export interface FrameContext {
  readonly platform?: string | null;
  readonly debugImages?: ReadonlyArray<{ codeFile: string; debugId: string }>;
}

export interface FrameLocator {
  resolve(frame: SourceFrame, context: FrameContext): Promise<ResolvedLocation | undefined>;
}

export interface EventHits {
  readonly hits: LineHit[];
  /** In-app frames (by the server's verdict) that could not be matched to a workspace file. */
  readonly unresolvedFrames: number;
}

/** Counts within the release (Sentry's `filtered`) when the answer has them, otherwise the window's totals. */
export function issueCounts(issue: Issue): { count: number; userCount: number } {
  return issue.filtered
    ? { count: issue.filtered.count, userCount: issue.filtered.userCount }
    : { count: issue.count, userCount: issue.userCount };
}

export async function hitsOfEvent(issue: Issue, event: IssueEvent, locator: FrameLocator): Promise<EventHits> {
  const stack = stackOfEvent(event);
  const stacks =
    stack.exceptions.length > 0 ? stack.exceptions.map((value) => value.stacktrace?.frames ?? []) : [stack.looseFrames];
  return hitsOfStacks(
    issue,
    stacks,
    { platform: event.platform ?? issue.platform, debugImages: stack.debugImages },
    locator,
  );
}

/**
 * The hits of an event's stacks in Sentry's order (causes first, the thrown exception's last; each caller to callee),
 * whether they come from the event itself or from a Discover row of its frames.
 */
export async function hitsOfStacks(
  issue: Issue,
  inOrder: ReadonlyArray<readonly SourceFrame[]>,
  context: FrameContext,
  locator: FrameLocator,
): Promise<EventHits> {
  // Walk from the thrown exception towards its causes.
  const stacks = [...inOrder].reverse();
  const { count, userCount } = issueCounts(issue);
  const hits: LineHit[] = [];
  let unresolvedFrames = 0;
  let raisedFound = false;
  for (const frames of stacks) {
    // Frames run caller to callee: the innermost is last.
    for (let index = frames.length - 1; index >= 0; index--) {
      const frame = frames[index] as SourceFrame;
      const location = await locator.resolve(frame, context);
      if (!location) {
        if (frame.inApp === true) unresolvedFrames++;
        continue;
      }
      const role = raisedFound ? 'caller' : 'raised';
      raisedFound = true;
      hits.push({
        issueId: issue.id,
        shortId: issue.shortId,
        title: issue.title,
        level: issue.level,
        role,
        count,
        userCount,
        firstSeen: issue.filtered?.firstSeen ?? issue.firstSeen,
        lastSeen: issue.filtered?.lastSeen ?? issue.lastSeen,
        folder: location.folder.path,
        file: location.file,
        line: location.line,
        moved: location.moved,
        stale: location.stale,
      });
    }
  }
  return { hits, unresolvedFrames };
}
