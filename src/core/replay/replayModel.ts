// What a debugger replay of one event shows: one thread per exception of the chain (the thrown one first), each with
// its frames innermost first, where they open in the workspace, and their local variables. Built once per replay.
import type { EventFrame, EventStack } from '../api/eventSchema';
import { partsOfStack, shownFrames } from '../format/exceptionView';
import { oneLine } from '../format/untrustedText';
import { variablesOfFrame, type VariableNode } from '../variables/variableTree';

/** A frame's place in the workspace: an absolute file path and the 1-based line today (moved lines followed). */
export interface ReplayLocation {
  readonly path: string;
  readonly line: number;
  readonly column?: number;
}

export interface ReplayFrame {
  readonly name: string;
  /** The file as the event names it, for frames that open nothing (`django/core/handlers/base.py:181`). */
  readonly label: string;
  /** Absent for frames outside the workspace: shown, never opened or read. */
  readonly location?: ReplayLocation;
  readonly inApp: boolean;
  readonly variables: readonly VariableNode[];
}

export interface ReplayThread {
  /** 1 for the exception that was thrown, then its causes in order. */
  readonly id: number;
  readonly name: string;
  readonly exceptionType: string;
  readonly exceptionValue: string;
  readonly handled?: boolean;
  /** Innermost (the raising frame) first. */
  readonly frames: readonly ReplayFrame[];
}

export interface Replay {
  /** "SHOP-1: TypeError", for the debug session's name. */
  readonly title: string;
  readonly threads: readonly ReplayThread[];
}

function labelOf(frame: EventFrame): string {
  const file = oneLine(frame.filename ?? frame.absPath ?? frame.module ?? '(unknown file)', 300);
  return frame.lineNo ? `${file}:${frame.lineNo}` : file;
}

function replayFrame(frame: EventFrame, locate: (frame: EventFrame) => ReplayLocation | undefined): ReplayFrame {
  const location = locate(frame);
  return {
    name: oneLine(frame.function ?? '(anonymous)', 300),
    label: labelOf(frame),
    ...(location ? { location } : {}),
    inApp: frame.inApp === true,
    variables: variablesOfFrame(frame.vars, frame.varsMeta),
  };
}

/**
 * The replay of an event's stack. `locate` answers where a frame opens in the workspace (undefined outside it), from
 * the frame resolver and the drift data, so the stop lands on today's line.
 */
export function replayOfStack(
  title: string,
  stack: EventStack,
  locate: (frame: EventFrame) => ReplayLocation | undefined,
): Replay {
  const threads = partsOfStack(stack).map((part, index): ReplayThread => {
    const exceptionType = oneLine(
      part.exception?.type ?? part.exception?.module ?? (part.kind === 'exception' ? 'Error' : 'Stack trace'),
      200,
    );
    const exceptionValue = oneLine(part.exception?.value ?? '', 2000);
    const handled = part.exception?.mechanism?.handled;
    // Innermost first: each further exception is what caused the one before it.
    const name = index === 0 ? exceptionType : `Cause: ${exceptionType}`;
    return {
      id: index + 1,
      name: oneLine(exceptionValue ? `${name}: ${exceptionValue}` : name, 200),
      exceptionType,
      exceptionValue,
      ...(handled === undefined ? {} : { handled }),
      frames: shownFrames(part.frames).map((frame) => replayFrame(frame, locate)),
    };
  });
  return { title: oneLine(title, 200), threads };
}
