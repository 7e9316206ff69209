// What grouping reads of a processed event: its exception chain with symbolicated frames, loose frames, and message.
import type { ApiFrame } from '../process/apiFrame';

export interface GroupingException {
  readonly type: string | undefined;
  readonly value: string | undefined;
  /** Caller to callee, after symbolication. */
  readonly frames: readonly ApiFrame[];
  /** The SDK made this exception up to carry a stack trace (captureMessage): its type and value say nothing. */
  readonly synthetic: boolean;
}

export interface GroupingInput {
  readonly platform: string | undefined;
  /** Oldest (cause) to newest (thrown). */
  readonly exceptions: readonly GroupingException[];
  /** Frames of a top-level stack trace or the crashed thread, for events without exceptions. */
  readonly looseFrames: readonly ApiFrame[];
  readonly message: string | undefined;
  readonly transaction: string | undefined;
  readonly level: string;
}
