// Finds where an event's frames lie in the workspace today and reads the current source lines around each, for the
// assistant's issue context. Only files the resolver confined to the workspace are read.
import { stackOfEvent, type IssueEvent } from '../api/eventSchema';
import { frameKey, framesToLink } from '../format/exceptionView';
import type { ResolvedLocation } from '../resolve/frame';
import type { FrameLocator } from '../scan/eventHits';
import type { LocatedFrame } from './issueContext';

/** Today's lines of a resolved workspace file, or undefined when it cannot be read. */
export type SourceLines = (location: ResolvedLocation) => Promise<readonly string[] | undefined>;

/** Lines shown on each side of a frame's line. */
export const defaultWindowRadius = 4;

export async function locateFrames(
  event: IssueEvent,
  locator: FrameLocator,
  linesOf: SourceLines,
  radius = defaultWindowRadius,
): Promise<Map<string, LocatedFrame>> {
  const stack = stackOfEvent(event);
  const context = { platform: event.platform, debugImages: stack.debugImages };
  const located = new Map<string, LocatedFrame>();
  for (const frame of framesToLink(stack)) {
    const key = frameKey(frame);
    if (located.has(key)) continue;
    const location = await locator.resolve(frame, context);
    if (!location) continue;
    const lines = await linesOf(location);
    located.set(key, {
      file: location.file,
      line: location.line,
      moved: location.moved,
      stale: location.stale,
      window: lines ? sourceWindow(lines, location.line, radius) : [],
    });
  }
  return located;
}

/** The lines from `line - radius` to `line + radius` that exist, 1-based. */
export function sourceWindow(
  lines: readonly string[],
  line: number,
  radius: number,
): Array<{ line: number; text: string }> {
  const first = Math.max(1, line - radius);
  const last = Math.min(lines.length, line + radius);
  const window: Array<{ line: number; text: string }> = [];
  for (let number = first; number <= last; number++) window.push({ line: number, text: lines[number - 1] ?? '' });
  return window;
}
