// A stack frame in the Web API's form (camelCase, `context` pairs), converted from the SDK's snake_case frame.
import type { SourceFrame } from '../../resolve/frame';
import { boundedObject } from './freeFormJson';
import type { IngestFrame } from './ingestEventSchema';

export interface ApiFrame {
  filename: string | null;
  absPath: string | null;
  module: string | null;
  package: string | null;
  platform: string | null;
  function: string | null;
  rawFunction: string | null;
  symbol: string | null;
  lineNo: number | null;
  colNo: number | null;
  inApp: boolean;
  context: Array<[number, string]>;
  vars: Record<string, unknown> | null;
  instructionAddr: string | null;
  symbolAddr: string | null;
  trust: string | null;
  errors: null;
  lock: Record<string, unknown> | null;
  sourceLink: string | null;
}

/** What a frame says of itself when the SDK sent nothing more: Sentry's nulls, no context, in-app. */
const BARE_FRAME: ApiFrame = {
  filename: null,
  absPath: null,
  module: null,
  package: null,
  platform: null,
  function: null,
  rawFunction: null,
  symbol: null,
  lineNo: null,
  colNo: null,
  inApp: true,
  context: [],
  vars: null,
  instructionAddr: null,
  symbolAddr: null,
  trust: null,
  errors: null,
  lock: null,
  sourceLink: null,
};

/** A frame in the Web API's form from the fields known (the test fake Sentry builds its frames so), the rest null. */
export function apiFrame(known: Partial<ApiFrame>): ApiFrame {
  return { ...BARE_FRAME, ...known };
}

/**
 * sentry-api-notes §4: frame keys are camelCased and `pre_context`/`context_line`/`post_context` fold into `context`.
 */
export function apiFrameOf(frame: IngestFrame): ApiFrame {
  const lineNo = positiveInteger(frame.lineno);
  return {
    filename: frame.filename ?? null,
    absPath: frame.abs_path ?? null,
    module: frame.module ?? null,
    package: frame.package ?? null,
    platform: frame.platform ?? null,
    function: frame.function ?? null,
    rawFunction: frame.raw_function ?? null,
    symbol: frame.symbol ?? null,
    lineNo,
    colNo: positiveInteger(frame.colno),
    inApp: frame.in_app ?? true,
    context: lineNo === null ? [] : contextOf(lineNo, frame.pre_context, frame.context_line, frame.post_context),
    vars: boundedObject(frame.vars),
    instructionAddr: frame.instruction_addr ?? null,
    symbolAddr: frame.symbol_addr ?? null,
    trust: frame.trust ?? null,
    errors: null,
    lock: boundedObject(frame.lock),
    sourceLink: frame.source_link ?? null,
  };
}

function contextOf(
  lineNo: number,
  pre: ReadonlyArray<string | null> | undefined,
  line: string | undefined,
  post: ReadonlyArray<string | null> | undefined,
): Array<[number, string]> {
  if (line === undefined) return [];
  const before = pre ?? [];
  const after = post ?? [];
  const context: Array<[number, string]> = [
    ...before.map((text, index): [number, string] => [lineNo - before.length + index, text ?? '']),
    [lineNo, line],
    ...after.map((text, index): [number, string] => [lineNo + 1 + index, text ?? '']),
  ];
  return context.filter(([number]) => number >= 1);
}

function positiveInteger(value: number | undefined): number | null {
  return value !== undefined && Number.isInteger(value) && value >= 0 ? value : null;
}

/** The frame as the resolver reads it. */
export function sourceFrameOf(frame: ApiFrame): SourceFrame {
  return {
    filename: frame.filename,
    absPath: frame.absPath,
    module: frame.module,
    function: frame.function,
    lineNo: frame.lineNo,
    colNo: frame.colNo,
    inApp: frame.inApp,
    platform: frame.platform,
    context: frame.context,
  };
}

/** The text of the frame's own line, from its context. */
export function contextLineOf(frame: ApiFrame): string | undefined {
  return frame.context.find(([number]) => number === frame.lineNo)?.[1];
}
