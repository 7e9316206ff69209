// The few Debug Adapter Protocol messages the replay speaks, with zod shapes for what arrives from the editor. Written
// here rather than taken from a package: the replay needs a dozen fields, and core stays free of editor types.
import { z } from 'zod';

export const dapRequestSchema = z.looseObject({
  seq: z.number().int(),
  type: z.literal('request'),
  command: z.string().max(100),
  arguments: z.unknown().optional(),
});
export type DapRequest = z.infer<typeof dapRequestSchema>;

export interface DapResponse {
  readonly seq: number;
  readonly type: 'response';
  readonly request_seq: number;
  readonly command: string;
  readonly success: boolean;
  readonly message?: string;
  readonly body?: unknown;
}

export interface DapEvent {
  readonly seq: number;
  readonly type: 'event';
  readonly event: string;
  readonly body?: unknown;
}

export type DapOutgoing = DapResponse | DapEvent;

export const threadArgumentsSchema = z.looseObject({ threadId: z.number().int() });
export const stackTraceArgumentsSchema = z.looseObject({
  threadId: z.number().int(),
  startFrame: z.number().int().nonnegative().optional(),
  levels: z.number().int().nonnegative().optional(),
});
export const scopesArgumentsSchema = z.looseObject({ frameId: z.number().int() });
export const variablesArgumentsSchema = z.looseObject({
  variablesReference: z.number().int(),
  start: z.number().int().nonnegative().optional(),
  count: z.number().int().nonnegative().optional(),
});
export const evaluateArgumentsSchema = z.looseObject({
  expression: z.string().max(10_000),
  frameId: z.number().int().optional(),
  context: z.string().optional(),
});

export interface DapSource {
  readonly name: string;
  readonly path?: string;
  readonly presentationHint?: 'normal' | 'emphasize' | 'deemphasize';
}

export interface DapStackFrame {
  readonly id: number;
  readonly name: string;
  readonly source?: DapSource;
  readonly line: number;
  readonly column: number;
  readonly presentationHint?: 'normal' | 'label' | 'subtle';
}

export interface DapVariable {
  readonly name: string;
  readonly value: string;
  readonly type?: string;
  readonly variablesReference: number;
  readonly namedVariables?: number;
  readonly indexedVariables?: number;
  readonly presentationHint?: { readonly kind?: string; readonly attributes?: readonly string[] };
}
