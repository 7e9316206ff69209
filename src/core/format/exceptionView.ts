// The exception chain of an event as the panel shows it, newest first like Sentry's issue page (its default stack
// thrown before its causes, and each stack trace with the raising frame on top and its source lines around it.
import type { EventFrame, EventStack, ExceptionValue } from '../api/eventSchema';
import type { SourceFrame } from '../resolve/frame';
import { hasDetails, type ContextLine, type ExceptionView, type FrameLink, type FrameView } from './issueViewModel';
import { optionalPageText, pageText } from './pageText';
import { variableRows } from './variablesView';

/** Frames kept per exception (the innermost ones); deep recursion can send thousands. */
export const maxFramesPerException = 250;
const maxExceptions = 20;
const maxContextLines = 31;
const maxCodeLineLength = 500;

/** Frame links arrive from the host keyed by this: the frame's identifying fields, stable across parses. */
export function frameKey(frame: SourceFrame): string {
  return JSON.stringify([
    frame.filename ?? null,
    frame.absPath ?? null,
    frame.module ?? null,
    frame.function ?? null,
    frame.lineNo ?? null,
    frame.colNo ?? null,
  ]);
}

function framesOfException(exception: ExceptionValue): readonly EventFrame[] {
  const symbolicated = exception.stacktrace?.frames ?? [];
  return symbolicated.length > 0 ? symbolicated : (exception.rawStacktrace?.frames ?? []);
}

export interface StackPart {
  readonly kind: ExceptionView['kind'];
  readonly exception?: ExceptionValue;
  /** Caller to callee, as the API sends them. */
  readonly frames: readonly EventFrame[];
}

/** Newest first: the last exception value is the one thrown, and its causes come before it in the event. */
export function partsOfStack(stack: EventStack): StackPart[] {
  if (stack.exceptions.length === 0)
    return stack.looseFrames.length > 0 ? [{ kind: 'stacktrace', frames: stack.looseFrames }] : [];
  return [...stack.exceptions]
    .reverse()
    .slice(0, maxExceptions)
    .map((exception) => ({ kind: 'exception', exception, frames: framesOfException(exception) }));
}

/** The raising (newest) frame first, at most `maxFramesPerException`. */
export function shownFrames(frames: readonly EventFrame[]): EventFrame[] {
  return [...frames].reverse().slice(0, maxFramesPerException);
}

/** Every frame the panel shows, so the host resolves exactly those to workspace files. */
export function framesToLink(stack: EventStack): SourceFrame[] {
  return partsOfStack(stack).flatMap((part) => shownFrames(part.frames));
}

function contextOf(frame: SourceFrame): ContextLine[] {
  return (frame.context ?? [])
    .filter(
      (entry): entry is readonly [number, string] => Number.isInteger(entry[0]) && entry[0] >= 0 && entry[1] !== null,
    )
    .slice(0, maxContextLines)
    .map(([line, code]) => ({ line, text: pageText(code, maxCodeLineLength), isErrorLine: line === frame.lineNo }));
}

function locationOf(frame: SourceFrame): string {
  if (!frame.lineNo) return '';
  return frame.colNo ? `${frame.lineNo}:${frame.colNo}` : `${frame.lineNo}`;
}

function variablesOf(frame: EventFrame): Pick<FrameView, 'variables'> {
  const variables = variableRows(frame);
  return variables ? { variables } : {};
}

function frameView(frame: EventFrame, link: FrameLink | undefined): FrameView {
  const file = pageText(frame.filename ?? frame.absPath ?? frame.module ?? '(unknown file)', 1000);
  const module = optionalPageText(frame.module, 1000);
  const inApp = frame.inApp === true;
  return {
    function: pageText(frame.function ?? '(anonymous)', 1000),
    file,
    location: locationOf(frame),
    module: module === file ? undefined : module,
    inApp,
    emphasised: inApp || link !== undefined,
    expanded: false,
    context: contextOf(frame),
    ...variablesOf(frame),
    link,
  };
}

/** Sentry opens the first in-app frame with source; without in-app frames, the first frame with source. */
function expandFirst(frames: FrameView[]): FrameView[] {
  const anyEmphasised = frames.some((frame) => frame.emphasised);
  const index = frames.findIndex((frame) => hasDetails(frame) && (frame.emphasised || !anyEmphasised));
  return frames.map((frame, position) => (position === index ? { ...frame, expanded: true } : frame));
}

function handledOf(exception: ExceptionValue | undefined): ExceptionView['handled'] {
  const handled = exception?.mechanism?.handled;
  return handled === undefined ? undefined : handled ? 'handled' : 'unhandled';
}

function exceptionView(part: StackPart, linkOf: (frame: SourceFrame) => FrameLink | undefined): ExceptionView {
  const frames = shownFrames(part.frames).map((frame) => frameView(frame, linkOf(frame)));
  const exception = part.exception;
  const type = exception
    ? (optionalPageText(exception.type, 500) ?? optionalPageText(exception.module, 500) ?? 'Error')
    : 'Stack trace';
  return {
    kind: part.kind,
    type,
    value: pageText(exception?.value ?? '', 5000),
    mechanism: optionalPageText(exception?.mechanism?.type, 200),
    handled: handledOf(exception),
    frames: expandFirst(frames),
    omittedFrames: Math.max(0, part.frames.length - frames.length),
  };
}

/** `links` holds the workspace location of each frame that has one, keyed by `frameKey`. */
export function exceptionViews(stack: EventStack, links: ReadonlyMap<string, FrameLink>): ExceptionView[] {
  return partsOfStack(stack).map((part) => exceptionView(part, (frame) => links.get(frameKey(frame))));
}
